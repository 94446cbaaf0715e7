import type { Actor } from '../actor.js';
import { WriteNotSent } from '../admin-api/errors.js';
import type { OperationDeps } from '../ports.js';
import type { Reply } from '../reply.js';
import type { AnyOperation } from './operation.js';

const DRY_RUN_NOTE = 'The bot runs with DRY_RUN=1: reads reach OpenAI, writes are not sent. Nothing was changed.';

/**
 * Runs an operation. In dry-run mode its first write is held back by the Admin API and the run ends there: the
 * reply then says which request would have been sent, and carries it for the audit trail.
 */
export async function runOperation(
  operation: AnyOperation,
  deps: OperationDeps,
  input: unknown,
  actor: Actor,
): Promise<Reply> {
  try {
    return await operation.run(deps, input, actor);
  } catch (error) {
    if (!(error instanceof WriteNotSent)) throw error;
    return { title: error.message, notes: [DRY_RUN_NOTE], dryRun: [error.request] };
  }
}
