import type { AuditEvent, AuditQuery, NewAuditEvent } from './model.js';

/** The append-only audit trail in the store. */
export interface AuditTrail {
  appendAudit(event: NewAuditEvent): Promise<AuditEvent>;
  listAudit(query?: AuditQuery): Promise<AuditEvent[]>;
  /** Every audit entry in append order, read in batches (for a JSON-lines export). */
  iterateAudit(options?: { batchSize?: number }): AsyncIterable<AuditEvent>;
}
