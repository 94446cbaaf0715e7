import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderAsync } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY, type SpendChartInput, spendChartSvg } from './spend-chart-svg.js';

/** Where the shipped font is from this module, from its compiled copy, and from the server bundle alike. */
export const CHART_FONT_PATH_FROM_MODULE = '../../assets/fonts/Inter-Regular.ttf';

/** The font shipped in `assets/fonts`, so text renders the same on a machine without any fonts installed. */
export const CHART_FONT_FILE = fileURLToPath(new URL(CHART_FONT_PATH_FROM_MODULE, import.meta.url));

/** Rasterises SVG text to PNG bytes off the main thread, with only the shipped font. */
export async function svgToPng(svg: string): Promise<Buffer> {
  if (!existsSync(CHART_FONT_FILE)) throw new Error(`Chart font missing at ${CHART_FONT_FILE}`);
  const image = await renderAsync(svg, {
    font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    fitTo: { mode: 'original' },
  });
  return image.asPng();
}

/** The spend chart of a digest as a PNG. */
export const renderSpendChart = (input: SpendChartInput): Promise<Buffer> => svgToPng(spendChartSvg(input));
