import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );

const importsOf = (file: string): string[] =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map(
    (m) => m[1] as string,
  );

const violations = (dir: string, forbidden: RegExp) =>
  sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden.test(spec))
      .map((spec) => `${relative(ROOT, join(ROOT, file))} imports ${spec}`),
  );

describe('layering', () => {
  it('keeps the domain free of Slack, HTTP clients and database drivers', () => {
    expect(
      violations('src/domain', /^(@slack\/|undici|pg$|better-sqlite3|kysely)|\/slack\/|\/storage\/(?!store\.js)/),
    ).toEqual([]);
  });

  it('keeps the Admin API client free of the domain, Slack and storage', () => {
    expect(violations('src/openai-admin', /^@slack\/|\/(domain|slack|storage)\//)).toEqual([]);
  });

  it('keeps storage free of the domain, Slack and the Admin API client', () => {
    expect(violations('src/storage', /^@slack\/|\/(domain|slack|openai-admin)\//)).toEqual([]);
  });

  it('reads process.env only in the config module', () => {
    const readers = sourceFiles('src').filter((file) => readFileSync(join(ROOT, file), 'utf8').includes('process.env'));
    expect(readers).toEqual(['src/config.ts']);
  });

  it('uses named exports only', () => {
    const defaults = sourceFiles('src').filter((file) =>
      /^export default/m.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(defaults).toEqual([]);
  });
});
