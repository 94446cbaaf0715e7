import { formatSpan } from './duration.js';
import type { Grant } from './ports.js';

const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** `ann@x.com`, or the user id when there is no email. */
export const granteeName = (grant: Grant) => grant.user_email ?? grant.user_id;

/** `member of project Alpha (proj_1)` or `owner of the organization`. */
export function accessText(grant: Pick<Grant, 'kind' | 'granted_role' | 'project_id' | 'project_name'>): string {
  if (grant.kind === 'org_owner') return `${grant.granted_role} of the organization`;
  const project = grant.project_name ? `${grant.project_name} (${grant.project_id})` : grant.project_id;
  return `${grant.granted_role} of project ${project}`;
}

/** What the undo does, in plain words. */
export const undoText = (grant: Grant) =>
  grant.kind === 'org_owner'
    ? `restore organization role ${grant.previous_role ?? 'reader'}`
    : grant.previous_role
      ? `restore project role ${grant.previous_role}`
      : `remove from project ${grant.project_name ?? grant.project_id}`;

/** `ends 2026-01-01 10:00 UTC (in 2h 5m)`. */
export const expiryText = (grant: Pick<Grant, 'expires_at'>, now: number) =>
  `ends ${iso(grant.expires_at)} (in ${formatSpan(grant.expires_at - now)})`;

/** The note a reply carries when a grant was opened. */
export const openedNote = (grant: Grant, now: number) =>
  `Time-bound: ${expiryText(grant, now)}, grant ${grant.id}; /openai grants revoke ${grant.id} ends it now.`;

/** What the grantee and the granter are told when a grant is over. */
export function endedText(grant: Grant): string {
  const what = `${granteeName(grant)} as ${accessText(grant)}`;
  const how = grant.revoked_by ? `was revoked by ${grant.revoked_by}` : 'expired';
  if (grant.state === 'drifted') {
    return `Grant ${grant.id} (${what}) ${how}, but the access was changed by hand in the meantime, so it was left as it is: ${grant.outcome ?? ''}`;
  }
  return `Grant ${grant.id} (${what}) ${how}: ${grant.outcome ?? 'access taken back'}.`;
}

/** What the approvals channel hears when an undo failed. */
export const failedText = (grant: Grant, error: string, retryAt: number) =>
  `Could not take back grant ${grant.id} (${granteeName(grant)} as ${accessText(grant)}), attempt ${grant.attempts}: ${error}. Retrying ${iso(retryAt)}.`;
