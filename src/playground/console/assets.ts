import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleConsole, type ConsoleBundle } from './bundle.js';

const prebuilt = (name: string) => fileURLToPath(new URL(`../web/${name}`, import.meta.url));

/**
 * The console's script and styles: the files `npm run build` wrote beside the compiled playground, or, when the
 * playground runs from its TypeScript sources, a bundle made now with esbuild.
 */
export async function loadConsoleBundle(): Promise<ConsoleBundle> {
  const js = prebuilt('console.js');
  const css = prebuilt('console.css');
  if (existsSync(js) && existsSync(css)) return { js: readFileSync(js, 'utf8'), css: readFileSync(css, 'utf8') };
  return bundleConsole();
}
