import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_FILE, renderSpendChart, svgToPng } from '../../src/chart/render-png.js';
import { CHART_SIZE, niceScale, spendChartSvg } from '../../src/chart/spend-chart-svg.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decodes an 8-bit RGBA, non-interlaced PNG into rows of pixels (enough for what resvg writes). */
function decodePng(png: Buffer): { width: number; height: number; pixel(x: number, y: number): number[] } {
  expect(png.subarray(0, 8)).toEqual(SIGNATURE);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]); // 8-bit, RGBA, not interlaced
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  expect(raw.length).toBe(height * (stride + 1));
  const rows: Buffer[] = [];
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? (line[i - 4] as number) : 0;
      const up = previous[i] as number;
      const upLeft = i >= 4 ? (previous[i - 4] as number) : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const add = [0, left, up, Math.floor((left + up) / 2), paeth()][filter as number] ?? 0;
      line[i] = ((line[i] as number) + add) & 0xff;
    }
    rows.push(line);
    previous = line;
  }
  return { width, height, pixel: (x, y) => [...(rows[y] as Buffer).subarray(x * 4, x * 4 + 4)] };
}

const days = (n: number, value: number) => Array.from({ length: n }, (_, i) => value * (1 + (i % 3)));

describe('the spend chart', () => {
  it('renders a PNG that decodes, of the expected size, with bars and the title drawn', async () => {
    const png = await renderSpendChart({
      title: 'Daily spend · March 2026',
      daysInMonth: 31,
      series: [
        { name: 'Alpha', values: days(15, 40) },
        { name: 'Beta <b>&co</b>', values: days(15, 10) },
        { name: '12 others', values: days(15, 5), rest: true },
      ],
    });
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    expect(image.pixel(2, 2)).toEqual([255, 255, 255, 255]);
    // The first day's bar: Alpha's blue at the bottom of the plot.
    expect(image.pixel(92, 395)).toEqual([0x25, 0x63, 0xeb, 255]);
    let dark = 0;
    for (let x = 80; x < 330; x++) for (let y = 15; y < 42; y++) if ((image.pixel(x, y)[0] as number) < 128) dark++;
    expect(dark).toBeGreaterThan(200);
  });

  it('ships its font and the font licence in the repository, and draws nothing without text when no series', async () => {
    expect(CHART_FONT_FILE).toMatch(/assets\/fonts\/Inter-Regular\.ttf$/);
    expect(statSync(CHART_FONT_FILE).size).toBeGreaterThan(100_000);
    expect(readFileSync(join(dirname(CHART_FONT_FILE), 'LICENSE-Inter-OFL.txt'), 'utf8')).toContain(
      'SIL Open Font License',
    );
    const image = decodePng(await svgToPng(spendChartSvg({ title: '', daysInMonth: 30, series: [] })));
    let dark = 0;
    for (let x = 80; x < 330; x++) for (let y = 15; y < 42; y++) if ((image.pixel(x, y)[0] as number) < 128) dark++;
    expect(dark).toBe(0);
  });

  it('escapes project names inside the SVG', () => {
    const svg = spendChartSvg({ title: 'x', daysInMonth: 28, series: [{ name: '<script>&"', values: [1] }] });
    expect(svg).toContain('&lt;script&gt;&amp;&quot;');
    expect(svg).not.toContain('<script>');
  });

  it('draws project names without the bidi controls that would make them read backwards', () => {
    const svg = spendChartSvg({
      title: 'x',
      daysInMonth: 28,
      series: [{ name: 'Ops \u202egpj.exe\u2066', values: [1] }],
    });
    expect(svg).toContain('Ops gpj.exe');
    expect(svg).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it.each([
    [730, 800, 200],
    [0.3, 0.3, 0.1],
    [0.31, 0.4, 0.1],
    [4, 4, 1],
    [0, 1, 0.25],
  ])('picks a round axis for a maximum of %d', (max, top, step) => {
    expect(niceScale(max)).toEqual({ top, step });
  });
});
