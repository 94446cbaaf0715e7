import type { AnyOperation } from './operation.js';
import { usageOf } from './operation.js';

const APPROVAL: Record<AnyOperation['risk'], string> = {
  read: 'no',
  write: 'no',
  destructive: 'yes',
};

/** The operations table of the README (Markdown), generated from the registry so the two cannot drift. */
export function operationsTable(operations: readonly AnyOperation[]): string {
  const rows = operations.map(
    (op) => `| \`${usageOf(op).replace(/\|/g, '\\|')}\` | ${op.summary} | ${op.risk} | ${APPROVAL[op.risk]} |`,
  );
  return ['| command | what it does | risk | approval by default |', '|---|---|---|---|', ...rows].join('\n');
}
