import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { specOperationIds } from '../helpers/openapi/drift-record.js';

declare module 'vitest' {
  export interface ProvidedContext {
    openapiCoverageDir: string;
  }
}

/** Gathers the operations each test file validated and prints how many of the document's were covered. */
export function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-coverage-'));
  project.provide('openapiCoverageDir', dir);
  return () => {
    const validated = new Set<string>();
    for (const file of readdirSync(dir)) {
      for (const id of JSON.parse(readFileSync(join(dir, file), 'utf8')) as string[]) validated.add(id);
    }
    rmSync(dir, { recursive: true, force: true });
    const all = specOperationIds();
    const missing = all.filter((id) => !validated.has(id));
    console.log(
      `OpenAPI: ${validated.size} of ${all.length} Admin API operations validated (request and answer against the document).`,
    );
    if (missing.length > 0) console.log(`OpenAPI: not exercised by the suite: ${missing.sort().join(', ')}`);
  };
}
