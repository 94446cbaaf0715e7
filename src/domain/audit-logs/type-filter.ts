import { closestMatch } from '../suggest.js';
import { KNOWN_EVENT_TYPES } from './event-types.js';

/** The exact event types to ask the API for, derived from what the user typed. */
export interface TypeSelection {
  /** Sent as `event_types[]`; empty means every (organization) event. */
  types: string[];
  /** The API serves tenant-scoped types only with `tenant_only=true`, and then only those. */
  tenantOnly: boolean;
  /** Plain-words remarks for the reply (unknown types asked for as is, types left out). */
  notes: string[];
}

export type TypeSelectionResult = ({ ok: true } & TypeSelection) | { ok: false; error: string };

const TYPE_SHAPE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*(\.\*)?$/;
const TENANT_ROLE_TYPES = new Set(['role.bound_to_resource', 'role.unbound_from_resource']);

/** Whether the API only lists this type with `tenant_only=true`. */
export const isTenantScoped = (type: string): boolean => type.startsWith('tenant.') || TENANT_ROLE_TYPES.has(type);

/** The top-level families, e.g. `api_key`, `project`, `tenant`, for messages. */
const families = (): string[] => [...new Set(KNOWN_EVENT_TYPES.map((type) => type.split('.')[0] as string))];

const withPrefix = (prefix: string): string[] => KNOWN_EVENT_TYPES.filter((type) => type.startsWith(`${prefix}.`));

interface Expanded {
  pattern: string;
  types: string[];
  /** Typed as an exact type rather than a family. */
  exact: boolean;
}

/** Expands one pattern: `api_key.*` and a bare family (`project`) to their known types, else the exact type. */
function expand(pattern: string, notes: string[]): Expanded | string {
  if (pattern === '*' || pattern === '.*') return 'Leave --type out to see every event type.';
  if (!TYPE_SHAPE.test(pattern)) {
    return `"${pattern}" is not an event type; write e.g. project.archived, or api_key.* for a whole family.`;
  }
  if (pattern.endsWith('.*')) {
    const types = withPrefix(pattern.slice(0, -2));
    if (types.length > 0) return { pattern, types, exact: false };
    return `"${pattern}" matches no known event type. Families: ${families().join(', ')}.`;
  }
  if (KNOWN_EVENT_TYPES.includes(pattern)) return { pattern, types: [pattern], exact: true };
  const family = withPrefix(pattern);
  if (family.length > 0) return { pattern, types: family, exact: false };
  const hint = closestMatch(pattern, KNOWN_EVENT_TYPES);
  notes.push(`${pattern} is not a known event type${hint ? ` (did you mean ${hint}?)` : ''}; asked for it as is.`);
  return { pattern, types: [pattern], exact: true };
}

const listed = (types: readonly string[]) =>
  types.length <= 3 ? types.join(', ') : `${types.slice(0, 3).join(', ')} and ${types.length - 3} more`;

/**
 * Turns `--type` values into the exact types to send. Families expand to every known type with that prefix;
 * an unknown exact type is sent as is, because the API adds types. Tenant-scoped and organization types cannot
 * be listed in one call, so tenant types that only came in through a family are left out, with a note.
 */
export function selectTypes(patterns: readonly string[]): TypeSelectionResult {
  const notes: string[] = [];
  const expanded: Expanded[] = [];
  for (const raw of patterns) {
    const result = expand(raw.trim().toLowerCase(), notes);
    if (typeof result === 'string') return { ok: false, error: result };
    expanded.push(result);
  }
  const all = [...new Set(expanded.flatMap((e) => e.types))];
  const tenant = all.filter(isTenantScoped);
  if (tenant.length === 0 || tenant.length === all.length) {
    return { ok: true, types: all, tenantOnly: tenant.length > 0, notes };
  }
  const explicitTenant = expanded.filter((e) => e.exact && isTenantScoped(e.pattern)).map((e) => e.pattern);
  const emptied = expanded.filter((e) => !e.exact && e.types.every(isTenantScoped)).map((e) => e.pattern);
  const blocking = [...explicitTenant, ...emptied];
  if (blocking.length > 0) {
    return {
      ok: false,
      error:
        `${blocking.join(', ')} ${blocking.length === 1 ? 'is' : 'are'} tenant-scoped, and OpenAI lists tenant events ` +
        'only on their own; ask for them in a separate /openai audit.',
    };
  }
  notes.push(
    `Left out tenant-scoped ${tenant.length === 1 ? 'type' : 'types'} ${listed(tenant)}; ` +
      'OpenAI lists those only on their own (e.g. --type role.bound_to_resource).',
  );
  return { ok: true, types: all.filter((type) => !isTenantScoped(type)), tenantOnly: false, notes };
}
