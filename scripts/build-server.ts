// Part of `npm run build`: bundles what `npm start` runs (the front door and the bot thread) into dist/server/. Loading
// some 1,700 modules one by one was most of the bot's start time; a few bundled files load in a fraction of it.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { CHART_FONT_PATH_FROM_MODULE } from '../src/chart/render-png.js';

const root = join(import.meta.dirname, '..');
const out = join(root, 'dist/server');

/**
 * Left as packages to load at run time: native addons, which cannot be bundled, and pino with its pretty printer,
 * which find their own files when they log through a worker.
 */
const EXTERNAL = ['better-sqlite3', '@resvg/resvg-js', 'pg', 'pg-native', 'pino', 'pino-pretty'];

rmSync(out, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  // The bot thread's entry must sit beside the front door's: bot-thread-link.ts finds it as ./bot-thread.js.
  entryPoints: { main: 'src/main.ts', 'bot-thread': 'src/front-door/bot-thread.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: EXTERNAL,
  // Bundled CommonJS packages call require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module';\nconst require = __bundleRequire(import.meta.url);",
  },
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});

// Files found from a module's own URL must be found from the bundle's too (dist/server is as deep as src/chart).
const font = new URL(CHART_FONT_PATH_FROM_MODULE, pathToFileURL(join(out, 'main.js')));
if (!existsSync(font)) throw new Error(`the bundle would not find the chart font at ${font.pathname}`);

const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
process.stdout.write(`server bundle: ${Object.keys(result.metafile.outputs).length} files, ${bytes} bytes\n`);
