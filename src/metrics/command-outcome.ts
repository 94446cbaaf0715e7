import { AdminApiError } from '../domain/admin-api/errors.js';
import { ForbiddenError, NotFoundError, UsageError } from '../errors.js';
import type { CommandOutcomeLabel } from './metrics.js';

/** The metric label for how a command failed. */
export function outcomeOfError(error: unknown): CommandOutcomeLabel {
  if (error instanceof UsageError) return 'usage_error';
  if (error instanceof ForbiddenError) return 'forbidden';
  if (error instanceof NotFoundError) return 'not_found';
  if (error instanceof AdminApiError) return 'admin_api_error';
  return 'error';
}
