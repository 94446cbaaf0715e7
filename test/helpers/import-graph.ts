import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Every `.ts` file under `dir` (relative to `root`), as paths relative to `root`. */
export const sourceFiles = (root: string, dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(root, join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );

const IMPORT_FORMS = [
  // import x from, import type { x } from, export { x } from, export * from; across lines too
  /^\s*(?:import|export)\b[^'";]*?\bfrom\s+'([^']+)'/gm,
  // import './side-effect.js'
  /^\s*import\s+'([^']+)'/gm,
  // import('./lazy.js'), also in type positions
  /\bimport\(\s*'([^']+)'\s*\)/g,
];

/** Every module specifier a file names, type-only imports included. */
export function importsOf(root: string, file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return IMPORT_FORMS.flatMap((form) => [...text.matchAll(form)].map((m) => m[1] as string));
}

/** The files under `dir` each file imports (relative specifiers only, `.js` read as its `.ts` source). */
export function importGraph(root: string, dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root, dir)) {
    const targets = importsOf(root, file)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => relative(root, join(root, dirname(file), spec.replace(/\.js$/, '.ts'))))
      .filter((target) => existsSync(join(root, target)));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** One shortest path from `from` back to itself, or undefined when there is none. */
function loopThrough(graph: Map<string, string[]>, from: string): string[] | undefined {
  const cameFrom = new Map<string, string>();
  const queue = [from];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const next of graph.get(file) ?? []) {
      if (next === from) {
        const path = [file];
        while (path[0] !== from) path.unshift(cameFrom.get(path[0] as string) as string);
        return [...path, from];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/**
 * The import cycles of a graph, each as `a → b → a`: the shortest cycle through each file, skipping files already
 * on a cycle reported, so a tangle of files shows as a few cycles rather than one per file.
 */
export function importCycles(graph: Map<string, string[]>): string[] {
  const seen = new Set<string>();
  const cycles: string[] = [];
  for (const file of [...graph.keys()].sort()) {
    if (seen.has(file)) continue;
    const loop = loopThrough(graph, file);
    if (!loop) continue;
    for (const member of loop) seen.add(member);
    cycles.push(loop.join(' → '));
  }
  return cycles;
}
