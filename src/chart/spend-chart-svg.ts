import type { ChartSeries } from '../domain/digests/spend-digest.js';
import { withoutBidi } from '../domain/display-text.js';

/** What the chart shows: daily spend of the month, stacked by top project. */
export interface SpendChartInput {
  readonly title: string;
  readonly daysInMonth: number;
  readonly series: readonly ChartSeries[];
}

/** The chart's size in pixels; the PNG has exactly this size. */
export const CHART_SIZE = { width: 1000, height: 500 } as const;

export const CHART_FONT_FAMILY = 'Inter';

const COLORS = ['#2563eb', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#0ea5e9'];
const REST_COLOR = '#94a3b8';
const colorOf = (series: ChartSeries, index: number) =>
  series.rest ? REST_COLOR : (COLORS[index % COLORS.length] as string);
const PLOT = { left: 80, right: 980, top: 60, bottom: 400 } as const;

const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch,
  );

const clip = (raw: string, max: number) => {
  const text = withoutBidi(raw);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
};

/** A round axis maximum and step at or above `max`, e.g. 730 → 800 in steps of 200. */
export function niceScale(max: number, ticks = 4): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.25 };
  const rough = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Number((([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude).toPrecision(12));
  return { top: Number((Math.ceil(max / step - 1e-9) * step).toPrecision(12)), step };
}

const money = (value: number): string => {
  if (value >= 1000) return `$${Number((value / 1000).toFixed(1))}k`;
  return value >= 10 || value === 0 ? `$${Math.round(value)}` : `$${Number(value.toFixed(2))}`;
};

const text = (x: number, y: number, content: string, attrs = '') =>
  `<text x="${x}" y="${y}" font-family="${CHART_FONT_FAMILY}" ${attrs}>${escapeXml(content)}</text>`;

/** Builds the chart as SVG text: stacked daily bars, a dollar axis, day labels and a legend. */
export function spendChartSvg(input: SpendChartInput): string {
  const { width, height } = CHART_SIZE;
  const days = Math.max(1, input.daysInMonth);
  const totals = Array.from({ length: days }, (_, day) =>
    input.series.reduce((sum, series) => sum + Math.max(0, series.values[day] ?? 0), 0),
  );
  const { top, step } = niceScale(Math.max(...totals));
  const plotHeight = PLOT.bottom - PLOT.top;
  const slot = (PLOT.right - PLOT.left) / days;
  const y = (value: number) => PLOT.bottom - (value / top) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(PLOT.left, 36, clip(input.title, 80), 'font-size="20" fill="#0f172a"'),
  ];
  for (let tick = 0; tick * step <= top + 1e-9; tick++) {
    const value = tick * step;
    const at = y(value).toFixed(1);
    parts.push(`<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${at}" y2="${at}" stroke="#e2e8f0" stroke-width="1"/>`);
    parts.push(text(PLOT.left - 10, Number(at) + 4, money(value), 'font-size="12" fill="#475569" text-anchor="end"'));
  }
  for (let day = 0; day < days; day++) {
    let base = 0;
    input.series.forEach((series, index) => {
      const value = Math.max(0, series.values[day] ?? 0);
      if (value <= 0) return;
      const y0 = y(base);
      const y1 = y(base + value);
      base += value;
      const x = PLOT.left + day * slot + slot * 0.15;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y1.toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" ` +
          `height="${Math.max(0.5, y0 - y1).toFixed(1)}" fill="${colorOf(series, index)}"/>`,
      );
    });
    if (day === 0 || (day + 1) % 5 === 0) {
      parts.push(
        text(
          PLOT.left + (day + 0.5) * slot,
          PLOT.bottom + 18,
          String(day + 1),
          'font-size="12" fill="#475569" text-anchor="middle"',
        ),
      );
    }
  }
  parts.push(`<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${PLOT.bottom}" y2="${PLOT.bottom}" stroke="#94a3b8"/>`);
  const legendWidth = (PLOT.right - PLOT.left) / Math.max(1, Math.min(6, input.series.length));
  input.series.slice(0, 6).forEach((series, index) => {
    const x = PLOT.left + index * legendWidth;
    parts.push(`<rect x="${x.toFixed(1)}" y="446" width="12" height="12" fill="${colorOf(series, index)}"/>`);
    parts.push(
      text(x + 18, 457, clip(series.name, Math.max(8, Math.floor(legendWidth / 8))), 'font-size="13" fill="#0f172a"'),
    );
  });
  if (input.series.length === 0)
    parts.push(text(PLOT.left, 240, 'No spend this month yet.', 'font-size="16" fill="#475569"'));
  parts.push('</svg>');
  return parts.join('');
}
