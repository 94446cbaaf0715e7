import type { AdminApi } from '../openai-admin/index.js';
import type { Store } from '../storage/store.js';
import type { ApprovalService } from './approvals/approval-service.js';

/** What operations may use. Built once by the composition root. */
export interface OperationDeps {
  readonly admin: AdminApi;
  readonly store: Store;
  readonly now: () => Date;
  /** Set once approvals are wired; the approvals commands read and cancel requests through it. */
  approvals?: ApprovalService;
}

export type { AdminApi, Store };
