import { fileURLToPath } from 'node:url';

/** The console's script and styles, as served. */
export interface ConsoleBundle {
  js: string;
  css: string;
}

/** Where the console's sources are, beside this module's folder (`src/playground/web`). */
export const CONSOLE_ENTRY = fileURLToPath(new URL('../web/main.tsx', import.meta.url));

/** Bundles the console with esbuild (Preact and all): one minified ES module and one stylesheet. */
export async function bundleConsole(entry = CONSOLE_ENTRY): Promise<ConsoleBundle> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: 'out',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const text = (ext: string) => result.outputFiles.find((file) => file.path.endsWith(ext))?.text ?? '';
  return { js: text('.js'), css: text('.css') };
}
