// Part of `npm run build`: bundles the playground console (Preact and all) beside the compiled playground, and copies
// the playground's policy file there, so `npm run playground` runs from dist/ with nothing fetched at run time.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleConsole } from '../src/playground/console/bundle.js';

const root = join(import.meta.dirname, '..');
const out = join(root, 'dist/playground/web');
mkdirSync(out, { recursive: true });
const bundle = await bundleConsole();
writeFileSync(join(out, 'console.js'), bundle.js);
writeFileSync(join(out, 'console.css'), bundle.css);
copyFileSync(join(root, 'src/playground/policy.yml'), join(root, 'dist/playground/policy.yml'));
const kib = (text: string) => `${Buffer.byteLength(text)} bytes`;
process.stdout.write(`playground console: console.js ${kib(bundle.js)}, console.css ${kib(bundle.css)}\n`);
