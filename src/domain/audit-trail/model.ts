import type { JsonValue } from '../json.js';

/**
 * One audit trail entry. `event` is e.g. requested, approved, rejected, executed, failed, expired,
 * cancelled, outcome_unknown, read or write. `id` grows with every append and gives the order.
 */
export interface AuditEvent {
  id: number;
  request_id: string | null;
  event: string;
  actor_id: string | null;
  at: number;
  operation: string | null;
  input: JsonValue | null;
  detail: JsonValue | null;
  openai_request_id: string | null;
}

/** What `appendAudit` needs; the store assigns `id`. */
export type NewAuditEvent = Pick<AuditEvent, 'event' | 'at'> & Partial<Omit<AuditEvent, 'id' | 'event' | 'at'>>;

/** Filters for `listAudit`; rows come oldest first unless `order` is `desc`. */
export interface AuditQuery {
  /** Only entries with `at >= since`. */
  since?: number;
  requestId?: string;
  /** Defaults to 100. */
  limit?: number;
  order?: 'asc' | 'desc';
}
