import { selectTypes } from '../audit-logs/type-filter.js';

/** What a channel watches when `--type` is left out: changes a security team wants to hear about at once. */
export const SECURITY_TYPES: readonly string[] = [
  'api_key.created',
  'api_key.deleted',
  'service_account.*',
  'role.*',
  'user.updated',
  'user.deleted',
  'invite.*',
  'certificate.*',
  'certificates.*',
  'organization.updated',
  'project.updated',
  'project.archived',
];

/** Checks `--type` values (an exact type or `family.*`); returns the patterns, lower-cased, or an error message. */
export function checkWatchTypes(
  patterns: readonly string[],
): { ok: true; types: string[] } | { ok: false; error: string } {
  const types = [...new Set(patterns.map((p) => p.trim().toLowerCase()))];
  const selection = selectTypes(types);
  if (!selection.ok) return selection;
  if (selection.tenantOnly)
    return { ok: false, error: 'Tenant-scoped events cannot be watched; watch organization events.' };
  return { ok: true, types };
}

const matchesOne = (type: string, pattern: string) => {
  const family = pattern.endsWith('.*') ? pattern.slice(0, -2) : pattern;
  return type === pattern || type.startsWith(`${family}.`);
};

/**
 * Whether an event's type is one of `patterns` (exact, `family.*`, or a bare family) and not muted by one written
 * `!pattern`. Without any positive pattern, the security set is watched.
 */
export function matchesType(type: string, patterns: readonly string[]): boolean {
  const muted = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const wanted = patterns.filter((p) => !p.startsWith('!'));
  if (muted.some((pattern) => matchesOne(type, pattern))) return false;
  return (wanted.length ? wanted : SECURITY_TYPES).some((pattern) => matchesOne(type, pattern));
}
