import type { ApprovalRequest } from './model.js';

const at = (ms: number | null) =>
  ms ? `${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC` : 'unknown time';

/** Why a click on a request that is no longer pending changes nothing. */
export function notPendingText(request: ApprovalRequest): string {
  switch (request.state) {
    case 'approved':
    case 'executing':
      return `Request ${request.id} was already approved and is running.`;
    case 'succeeded':
      return `Request ${request.id} was already approved and done.`;
    case 'failed':
      return `Request ${request.id} was already approved; running it failed.`;
    case 'rejected':
      return `Request ${request.id} was already rejected.`;
    case 'expired':
      return `Request ${request.id} expired at ${at(request.expires_at)}; nothing was changed.`;
    case 'cancelled':
      return `Request ${request.id} was cancelled by the requester; nothing was changed.`;
    case 'outcome_unknown':
      return `Request ${request.id} was interrupted while running; its outcome is unknown.`;
    default:
      return `Request ${request.id} is ${request.state}.`;
  }
}

export { at as formatInstant };
