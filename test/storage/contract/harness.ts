import { randomUUID } from 'node:crypto';
import type { NewApprovalRequest } from '../../../src/domain/approvals/model.js';
import type { Store } from '../../../src/storage/store.js';

/** How contract suites get stores; every store they open is closed after each test. */
export interface ContractHarness {
  /** A store on a fresh, empty database. */
  fresh(): Promise<Store>;
  /** Another store with its own connection(s) on the database of the latest `fresh()`; migrations run again. */
  sibling(): Promise<Store>;
  /** Makes the database of the latest `fresh()` refuse any move of a request to `state` until healed. */
  failTransitionsTo(state: string): Promise<() => Promise<void>>;
}

/** A pending request with a unique id; `overrides` replace any field. */
export function newRequest(overrides: Partial<NewApprovalRequest> = {}): NewApprovalRequest {
  return {
    id: `req_${randomUUID()}`,
    operation: 'projects.archive',
    input: { project_id: 'proj_123', note: 'quarter end' },
    summary: 'Archive project proj_123',
    requester_id: 'U_REQUESTER',
    channel_id: 'C_OPS',
    required_approvals: 1,
    approver_role: 'approver',
    created_at: 1_700_000_000_000,
    expires_at: 1_700_000_600_000,
    ...overrides,
  };
}
