import type { AuditActor, AuditLog } from '../admin-api/audit-logs.js';
import { formatMinute } from '../time-range.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string (or number/boolean, as text) found at `path` inside `value`. */
function text(value: unknown, ...path: string[]): string | undefined {
  let current = value;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  if (typeof current === 'string') return current || undefined;
  if (typeof current === 'number' || typeof current === 'boolean') return String(current);
  return undefined;
}

const clip = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

/** Who acted: an email, a service account or a key; `system` when the API names nobody. */
export function describeActor(actor: AuditActor | null | undefined): string {
  if (!actor) return 'system';
  if (actor.session) return text(actor.session, 'user', 'email') ?? text(actor.session, 'user', 'id') ?? 'a session';
  const key = actor.api_key;
  if (key) {
    const via = key.id ? ` (key ${key.id})` : '';
    if (key.service_account?.id) return `service account ${key.service_account.id}${via}`;
    const owner = text(key, 'user', 'email') ?? text(key, 'user', 'id');
    return owner ? `${owner}${via}` : `key ${key.id ?? 'unknown'}`;
  }
  return actor.type ?? 'unknown actor';
}

const LABEL_PATHS: readonly (readonly string[])[] = [
  ['data', 'email'],
  ['data', 'name'],
  ['data', 'title'],
  ['data', 'group_name'],
  ['name'],
  ['role_name'],
  ['connector_name'],
  ['changes_requested', 'title'],
  ['changes_requested', 'name'],
  ['changes_requested', 'group_name'],
  ['changes_requested', 'role_name'],
];

const namesOf = (list: unknown): string | undefined =>
  Array.isArray(list)
    ? list
        .map((item) => text(item, 'name') ?? text(item, 'id'))
        .filter(Boolean)
        .join(', ') || undefined
    : undefined;

/** `key=value` for the first few plain values of an object, for payloads nothing more specific describes. */
function summarise(value: Json, budget = 3): string[] {
  const parts: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    if (parts.length >= budget) break;
    const shown = text(value, key);
    if (shown !== undefined) parts.push(`${key}=${clip(shown, 60)}`);
    else if (isObject(inner)) parts.push(...summarise(inner, budget - parts.length).map((p) => `${key}.${p}`));
  }
  return parts;
}

/** What the event acted on, e.g. `proj_abc (Research)` or `user-1 (a@x.com) as owner`; undefined when nothing. */
export function describeTarget(event: AuditLog): string | undefined {
  const payload = (event as Json)[event.type];
  const project = event.project ?? undefined;
  const body = isObject(payload) ? payload : {};
  const id = text(body, 'id') ?? text(body, 'resource_id');
  let label =
    LABEL_PATHS.map((path) => text(body, ...path)).find(Boolean) ?? namesOf(body.configs ?? body.certificates);
  if (!label && project && id === project.id) label = project.name ?? undefined;
  const parts: string[] = [];
  if (id) parts.push(label ? `${id} (${label})` : id);
  else if (label) parts.push(label);
  const role = text(body, 'data', 'role');
  if (role) parts.push(`as ${role}`);
  const principal = text(body, 'principal_id');
  if (principal) parts.push(`for ${principal}`);
  const newRole = text(body, 'changes_requested', 'role');
  if (newRole) parts.push(`role → ${newRole}`);
  const failed = text(body, 'error_message') ?? text(body, 'error_code');
  if (parts.length === 0 && !failed && Object.keys(body).length > 0) parts.push(summarise(body).join(', '));
  if (project && project.id !== id) parts.push(`in ${project.name ?? project.id}`);
  return parts.filter(Boolean).join(' ') || undefined;
}

/** When and what, e.g. `2026-11-20 14:03  project.archived`. */
export const eventHeading = (event: AuditLog): string => `${formatMinute(event.effective_at)}  ${event.type}`;

/** Who did it to what, e.g. `alice@x.com → proj_abc (Research)`. */
export function eventDetail(event: AuditLog): string {
  const target = describeTarget(event);
  const payload = (event as Json)[event.type];
  const failed = text(payload, 'error_message') ?? text(payload, 'error_code');
  return `${describeActor(event.actor)}${target ? ` → ${target}` : ''}${failed ? `: ${clip(failed, 100)}` : ''}`;
}

/** One readable line: `2026-11-20 14:03  project.archived  alice@x.com → proj_abc (Research)`. */
export const eventLine = (event: AuditLog): string => `${eventHeading(event)}  ${eventDetail(event)}`;
