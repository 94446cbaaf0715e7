import { z } from 'zod';

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

/** Filters of `GET /organization/audit_logs`; the document names its list filters with brackets (`event_types[]=…`). */
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

/** One page of events, newest first; the next older page starts `after` its `last_id`. */
export const auditLogPage = z.looseObject({
  data: z.array(auditLog),
  has_more: z.boolean().default(false),
  first_id: z.string().nullish(),
  last_id: z.string().nullish(),
});
export type AuditLogPage = z.output<typeof auditLogPage>;
