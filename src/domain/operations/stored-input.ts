import { AppError } from '../../errors.js';
import { type AnyOperation, storedSchemaOf } from './operation.js';

/** A stored request's input that the operation, as it is defined now, no longer accepts; it is never run. */
export class StoredInputError extends AppError {
  constructor(operation: string, problem: string) {
    super(
      'stored_input_invalid',
      `It was not run: what the request holds no longer fits what ${operation} takes (${problem}). ` +
        'Nothing was changed; ask again if it is still wanted.',
    );
  }
}

/**
 * The stored (resolved) value parsed with the operation's schema as it is now (`resolved`, or `input` for an
 * operation that looks nothing up), or the first problem when it does not parse.
 */
export function parseStored(
  operation: AnyOperation,
  input: unknown,
): { ok: true; input: unknown } | { ok: false; problem: string } {
  const parsed = storedSchemaOf(operation).safeParse(input);
  if (parsed.success) return { ok: true, input: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.');
  const message = issue?.message ?? 'invalid input';
  return { ok: false, problem: field ? `${field}: ${message}` : message };
}

/**
 * Stored input made fit to run: checked again with the operation's schema as it is now (an approved request may
 * have waited through an upgrade, or its row may have been changed), so a run sees only input the schema accepts.
 */
export function reparseStored(operation: AnyOperation, input: unknown): unknown {
  const parsed = parseStored(operation, input);
  if (!parsed.ok) throw new StoredInputError(operation.name, parsed.problem);
  return parsed.input;
}
