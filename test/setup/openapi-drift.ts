import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, inject } from 'vitest';
import { takeViolations, validatedOperations } from '../helpers/openapi/drift-record.js';

function failOnDrift(): void {
  const found = [...new Set(takeViolations())];
  if (found.length === 0) return;
  throw new Error(`The Admin API exchanges of this test drift from the OpenAPI document:\n- ${found.join('\n- ')}`);
}

afterEach(failOnDrift);

afterAll(() => {
  const dir = inject('openapiCoverageDir');
  const operations = validatedOperations();
  if (dir && operations.length > 0) {
    writeFileSync(
      join(dir, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`),
      JSON.stringify(operations),
    );
  }
  failOnDrift();
});
