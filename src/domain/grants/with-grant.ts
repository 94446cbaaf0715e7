import { UsageError } from '../../errors.js';
import { AdminApiError, WriteNotSent } from '../admin-api/errors.js';
import type { OperationDeps } from '../ports.js';
import type { GrantService, GrantSpec } from './grant-service.js';
import { openedNote } from './grant-text.js';

/** The grant service, or a clear refusal where time-bound access is not wired (nothing has been changed yet). */
export function grantsOf(deps: OperationDeps): GrantService {
  if (!deps.grants) throw new UsageError('Time-bound access (--for) is not available here.');
  return deps.grants;
}

/** A call that certainly changed nothing: OpenAI refused it (a 4xx), or it was never sent (a dry run). */
const refused = (error: unknown) =>
  error instanceof WriteNotSent ||
  (error instanceof AdminApiError && error.status !== undefined && error.status >= 400 && error.status < 500);

/**
 * Gives access through `call`, recording a grant first when `spec` is given so the access is taken back at
 * expiry even if the bot stops right after the call. A call OpenAI refused cancels the grant; a call whose
 * outcome is unknown leaves it, and its expiry checks live what is there. Returns the note for the reply.
 */
export async function withGrant<T>(
  deps: OperationDeps,
  spec: GrantSpec | undefined,
  call: () => Promise<T>,
): Promise<{ result: T; notes: string[] }> {
  if (!spec) return { result: await call(), notes: [] };
  const grants = grantsOf(deps);
  const grant = await grants.open(spec);
  try {
    return { result: await call(), notes: [openedNote(grant, grants.now())] };
  } catch (error) {
    if (refused(error)) await grants.cancel(grant.id, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
