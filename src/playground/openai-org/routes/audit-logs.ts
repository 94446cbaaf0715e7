import { badRequest } from '../api-error.js';
import { idCursorPage } from '../pagination.js';
import type { Range } from '../query.js';
import type { Router } from '../router.js';
import type { AuditLogRecord } from '../state/records.js';
import { cursorParams } from './shared.js';

const TENANT_ONLY_TYPES = ['role.bound_to_resource', 'role.unbound_from_resource'];

function isTenantScoped(type: string): boolean {
  return type.startsWith('tenant.') || TENANT_ONLY_TYPES.includes(type);
}

function field(value: unknown, ...path: string[]): string | undefined {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' ? current : undefined;
}

/** Ids (user, service account, key) and emails that identify an event's actor. */
function actorKeys(event: AuditLogRecord): { ids: string[]; emails: string[] } {
  const actor = event.actor;
  const candidates = [
    field(actor, 'session', 'user', 'id'),
    field(actor, 'api_key', 'id'),
    field(actor, 'api_key', 'user', 'id'),
    field(actor, 'api_key', 'service_account', 'id'),
  ];
  const emails = [field(actor, 'session', 'user', 'email'), field(actor, 'api_key', 'user', 'email')];
  return {
    ids: candidates.filter((id): id is string => id !== undefined),
    emails: emails.filter((email): email is string => email !== undefined).map((email) => email.toLowerCase()),
  };
}

function inRange(value: number, range: Range): boolean {
  return (
    (range.gt === undefined || value > range.gt) &&
    (range.gte === undefined || value >= range.gte) &&
    (range.lt === undefined || value < range.lt) &&
    (range.lte === undefined || value <= range.lte)
  );
}

/** `GET /organization/audit_logs`: newest first, bracket-array filters, effective_at range, style A with after/before. */
export function registerAuditLogRoutes(router: Router): void {
  router.get('/organization/audit_logs', (ctx) => {
    const { query } = ctx;
    const types = query.bracketList('event_types');
    const actorIds = query.bracketList('actor_ids');
    const actorEmails = query.bracketList('actor_emails').map((email) => email.toLowerCase());
    const projectIds = query.bracketList('project_ids');
    const resourceIds = query.bracketList('resource_ids');
    const range = query.range('effective_at');
    const tenantOnly = query.bool('tenant_only') ?? false;
    for (const type of types) {
      if (isTenantScoped(type) !== tenantOnly) {
        const hint = tenantOnly ? 'is not tenant-scoped' : "is tenant-scoped and needs 'tenant_only=true'";
        throw badRequest(`Invalid 'event_types[]': ${type} ${hint}.`, 'event_types', 'invalid_value');
      }
    }
    const events = [...ctx.state.auditLogs]
      .reverse()
      .sort((a, b) => b.effective_at - a.effective_at)
      .filter((event) => {
        const actor = actorKeys(event);
        return (
          isTenantScoped(event.type) === tenantOnly &&
          (types.length === 0 || types.includes(event.type)) &&
          (actorIds.length === 0 || actor.ids.some((id) => actorIds.includes(id))) &&
          (actorEmails.length === 0 || actor.emails.some((email) => actorEmails.includes(email))) &&
          (projectIds.length === 0 || (event.project !== undefined && projectIds.includes(event.project.id))) &&
          (resourceIds.length === 0 || resourceIds.includes(field(event[event.type], 'id') ?? '')) &&
          inRange(event.effective_at, range)
        );
      });
    return idCursorPage(events, cursorParams(ctx, 20, 1, 100), (event) => event);
  });
}
