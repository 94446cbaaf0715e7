import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { idCursorPage, listByIdCursor } from '../pagination.js';
import type { QueryObject } from '../query.js';

const userRef = z.looseObject({ id: z.string().nullish(), email: z.string().nullish() });

/** Who did it: a dashboard session or an API key (of a user or a service account); `null` for the system. */
export const auditActor = z.looseObject({
  type: z.string().nullish(),
  session: z.looseObject({ user: userRef.nullish(), ip_address: z.string().nullish() }).nullish(),
  api_key: z
    .looseObject({
      id: z.string().nullish(),
      type: z.string().nullish(),
      user: userRef.nullish(),
      service_account: z.looseObject({ id: z.string().nullish() }).nullish(),
    })
    .nullish(),
});
export type AuditActor = z.output<typeof auditActor>;

/**
 * One audit-log event. `type` is an open string (the API adds types); the payload sits under a key named
 * exactly like the type, e.g. `event['project.archived']`, and is kept as sent.
 */
export const auditLog = z.looseObject({
  id: z.string(),
  type: z.string(),
  effective_at: z.number(),
  project: z.looseObject({ id: z.string(), name: z.string().nullish() }).nullish(),
  actor: auditActor.nullish(),
});
export type AuditLog = z.output<typeof auditLog>;

/** Filters of `GET /organization/audit_logs`; every list is sent in bracket form (`event_types[]=…`). */
export interface AuditLogQuery {
  eventTypes?: readonly string[];
  actorIds?: readonly string[];
  actorEmails?: readonly string[];
  projectIds?: readonly string[];
  resourceIds?: readonly string[];
  /** Unix seconds. */
  effectiveAt?: { gt?: number; gte?: number; lt?: number; lte?: number };
  /** Required (true) for tenant-scoped types, and then only those may be asked for. */
  tenantOnly?: boolean;
  /** 1–100 per page, default 20. */
  limit?: number;
  after?: string;
  before?: string;
}

const nonEmpty = (list: readonly string[] | undefined) => (list && list.length > 0 ? list : undefined);

function toWire(query: AuditLogQuery): QueryObject {
  return {
    // The document names these filters with their brackets.
    'event_types[]': nonEmpty(query.eventTypes),
    'actor_ids[]': nonEmpty(query.actorIds),
    'actor_emails[]': nonEmpty(query.actorEmails),
    'project_ids[]': nonEmpty(query.projectIds),
    'resource_ids[]': nonEmpty(query.resourceIds),
    effective_at: query.effectiveAt,
    tenant_only: query.tenantOnly ? true : undefined,
    limit: query.limit,
    after: query.after,
    before: query.before,
  };
}

const page = idCursorPage(auditLog);

/** `/organization/audit_logs`: read-only, newest first, ID-cursor pagination. */
export function auditLogsResource(client: AdminClient) {
  return {
    /** One page, for paging on demand with `after=<last_id>`. */
    page: (query: AuditLogQuery = {}) =>
      client.request(page, { method: 'GET', path: '/organization/audit_logs', query: toWire(query) }),
    /** Every matching event, fetching pages lazily. */
    list: (query: AuditLogQuery = {}) =>
      listByIdCursor(client, auditLog, '/organization/audit_logs', toWire({ limit: 100, ...query })),
  };
}
