import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OperationDeps } from '../src/domain/ports.js';
import { importCycles, importGraph, importsOf, sourceFiles } from './helpers/import-graph.js';

const ROOT = join(import.meta.dirname, '..');

const violations = (dir: string, forbidden: RegExp) =>
  sourceFiles(ROOT, dir).flatMap((file) =>
    importsOf(ROOT, file)
      .filter((spec) => forbidden.test(spec))
      .map((spec) => `${relative(ROOT, join(ROOT, file))} imports ${spec}`),
  );

/** Keys of `T` that may be assigned after construction. */
type WritableKeys<T> = {
  [K in keyof T]-?: (<U>() => U extends { [Q in K]: T[K] } ? 1 : 2) extends <U>() => U extends {
    -readonly [Q in K]: T[K];
  }
    ? 1
    : 2
    ? K
    : never;
}[keyof T];

describe('layering', () => {
  it('keeps the domain free of storage, Slack, HTTP and database drivers', () => {
    expect(
      violations(
        'src/domain',
        /^(@slack\/|undici|node:https?$|pg$|better-sqlite3|kysely)|\/(storage|slack|http)\/|\/(bot|container|governance)\.js$/,
      ),
    ).toEqual([]);
  });

  it('keeps the domain free of the Admin API client and OpenAI’s SDK: it declares the Admin API it needs', () => {
    expect(violations('src/domain', /\/openai-admin\/|^openai($|\/)/)).toEqual([]);
    expect(sourceFiles(ROOT, 'src/domain/admin-api').length).toBeGreaterThan(0);
  });

  it('lets the Admin API client see only the port it implements, never the rest of the domain, Slack or storage', () => {
    expect(violations('src/openai-admin', /^@slack\/|\/(slack|storage)\//)).toEqual([]);
    const domainImports = sourceFiles(ROOT, 'src/openai-admin').flatMap((file) =>
      importsOf(ROOT, file).filter((spec) => spec.includes('/domain/')),
    );
    expect(domainImports.length).toBeGreaterThan(0);
    expect(domainImports.filter((spec) => !/\/domain\/admin-api\/[a-z-]+\.js$/.test(spec))).toEqual([]);
  });

  it('uses OpenAI’s SDK only in the Admin API client', () => {
    const outside = sourceFiles(ROOT, 'src').filter((file) => !file.startsWith('src/openai-admin/'));
    const users = outside.filter((file) => importsOf(ROOT, file).some((spec) => /^openai($|\/)/.test(spec)));
    expect(users).toEqual([]);
  });

  it('lets storage see only the domain model and ports it implements, never Slack or the Admin API client', () => {
    expect(violations('src/storage', /^@slack\/|\/(slack|openai-admin)\//)).toEqual([]);
    const domainImports = sourceFiles(ROOT, 'src/storage').flatMap((file) =>
      importsOf(ROOT, file).filter((spec) => spec.includes('/domain/')),
    );
    expect(
      domainImports.filter(
        (spec) => !/\/domain\/(json|[a-z-]+\/(model|ports|[a-z-]+-store|subscription|pending-secret))\.js$/.test(spec),
      ),
    ).toEqual([]);
  });

  it('keeps the bot free of the playground, which only drives it from outside', () => {
    const outside = sourceFiles(ROOT, 'src').filter((file) => !file.startsWith(join('src', 'playground')));
    const reaching = outside.flatMap((file) =>
      importsOf(ROOT, file)
        .filter((spec) => /(^|\/)playground\//.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(reaching).toEqual([]);
  });

  it('has no import cycles in src, type-only imports included', () => {
    expect(importCycles(importGraph(ROOT, 'src'))).toEqual([]);
  });

  it('finds a cycle made only of type imports', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCycles(graph)).toEqual(['a.ts → b.ts → c.ts → a.ts']);
  });

  it('reads process.env only in the config module', () => {
    const readers = sourceFiles(ROOT, 'src').filter((file) =>
      readFileSync(join(ROOT, file), 'utf8').includes('process.env'),
    );
    expect(readers).toEqual(['src/config.ts']);
  });

  it('uses named exports only', () => {
    const defaults = sourceFiles(ROOT, 'src').filter((file) =>
      /^export default/m.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(defaults).toEqual([]);
  });
});

describe('composition root', () => {
  it('never assigns to a field of an object it already built', () => {
    const assignments = ['src/container.ts', 'src/governance.ts', 'src/bot.ts'].flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          /^\s*[\w$]+(?:\.[\w$#]+|\[[^\]]+\])+\s*(?:[-+*/?|&]{0,3})=(?!=|>)/.test(line)
            ? [`${file}:${index + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(assignments).toEqual([]);
  });

  it('gives operations deps that cannot be changed once built', () => {
    const writable: [WritableKeys<OperationDeps>] extends [never] ? true : false = true;
    expect(writable).toBe(true);
  });
});
