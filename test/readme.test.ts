import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { operationsTable } from '../src/domain/operations/catalog.js';
import { operations } from '../src/domain/operations/index.js';

const README = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');
const CONFIG = readFileSync(join(import.meta.dirname, '../src/config.ts'), 'utf8');

describe('README', () => {
  it('opens with the two set-up commands', () => {
    const setUp = README.indexOf('npm ci && npm start');
    expect(setUp).toBeGreaterThan(-1);
    expect(README.indexOf('npm test')).toBeGreaterThan(setUp);
    expect(setUp).toBeLessThan(README.indexOf('## '));
  });

  it('lists every operation exactly as the registry defines it (run `npm run docs` to refresh)', () => {
    expect(README).toContain(operationsTable(operations));
  });

  it('documents every environment variable the config module reads', () => {
    const variables = [...CONFIG.matchAll(/^ {2}([A-Z_]+): /gm)].map((m) => m[1]);
    expect(variables.length).toBeGreaterThan(5);
    for (const name of variables) expect(README).toContain(`| \`${name}\``);
  });
});
