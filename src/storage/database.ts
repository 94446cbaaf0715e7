import type { Generated } from 'kysely';

/** Which SQL engine a Kysely instance talks to; the few dialect differences branch on it. */
export type SqlDialect = 'sqlite' | 'postgres';

/**
 * Table shapes as the driver returns them. Timestamps are integer milliseconds; JSON columns hold text.
 * PostgreSQL `bigint` values may arrive as strings from a pool without an int8 parser, so readers coerce.
 */
export interface ApprovalRequestsTable {
  id: string;
  operation: string;
  input: string;
  summary: string;
  requester_id: string;
  requester_email: string | null;
  requester_source: string;
  channel_id: string;
  reason: string | null;
  state: string;
  required_approvals: number;
  approver_role: string;
  created_at: number;
  expires_at: number;
  card_channel: string | null;
  card_ts: string | null;
  result: string | null;
  error: string | null;
  openai_request_id: string | null;
  decided_by: string | null;
  decided_at: number | null;
  decision_reason: string | null;
}

/** One row per (request, approver). */
export interface ApprovalVotesTable {
  request_id: string;
  user_id: string;
  at: number;
}

/** Append-only; `id` is assigned by the database. */
export interface AuditEventsTable {
  id: Generated<number>;
  request_id: string | null;
  event: string;
  actor_id: string | null;
  at: number;
  operation: string | null;
  input: string | null;
  detail: string | null;
  openai_request_id: string | null;
}

/** `project_ids` and `muted_sections` are JSON arrays as text. */
export interface DigestSubscriptionsTable {
  id: string;
  channel_id: string;
  schedule: string;
  timezone: string;
  project_ids: string | null;
  muted_sections: string;
  created_by: string;
  created_at: number;
}

/** A key present here has been claimed, forever. */
export interface OnceMarkersTable {
  key: string;
  owner: string;
  claimed_at: number;
}

/** A lock held by `owner` until `expires_at`. */
export interface LeasesTable {
  name: string;
  owner: string;
  expires_at: number;
}

/** Encrypted values waiting to be revealed once. */
export interface PendingSecretsTable {
  id: string;
  owner_user_id: string;
  ciphertext: string;
  created_at: number;
  expires_at: number;
}

/** Time-bound grants and what undoes them. */
export interface GrantsTable {
  id: string;
  kind: string;
  project_id: string | null;
  project_name: string | null;
  user_id: string;
  user_email: string | null;
  granted_role: string;
  previous_role: string | null;
  grantee_chat_id: string | null;
  granted_by: string;
  request_id: string | null;
  reason: string | null;
  state: string;
  created_at: number;
  expires_at: number;
  due_at: number;
  attempts: number;
  owner: string | null;
  lease_until: number | null;
  last_error: string | null;
  revoked_by: string | null;
  ended_at: number | null;
  outcome: string | null;
}

/** Audit watches; `types` is a JSON array of patterns. */
export interface WatchSubscriptionsTable {
  id: string;
  channel_id: string;
  types: string;
  created_by: string;
  created_at: number;
}

/** Where the audit watch poll has read up to. */
export interface WatchCursorsTable {
  name: string;
  last_id: string;
  updated_at: number;
}

/** Applied migrations, by number. */
export interface StorageMigrationsTable {
  id: number;
  name: string;
  applied_at: number;
}

/** The whole schema, for `Kysely<Database>`. */
export interface Database {
  approval_requests: ApprovalRequestsTable;
  approval_votes: ApprovalVotesTable;
  audit_events: AuditEventsTable;
  digest_subscriptions: DigestSubscriptionsTable;
  once_markers: OnceMarkersTable;
  leases: LeasesTable;
  pending_secrets: PendingSecretsTable;
  storage_migrations: StorageMigrationsTable;
  grants: GrantsTable;
  watch_subscriptions: WatchSubscriptionsTable;
  watch_cursors: WatchCursorsTable;
}
