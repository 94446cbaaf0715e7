import type { Reply } from '../reply.js';
import type { ApprovalRequest } from './model.js';

/** What the approvals commands may do with requests: list, look back, and withdraw one's own. */
export interface ApprovalDesk {
  /** Pending requests, the ones this person may approve first. */
  pending(userId: string): Promise<{ request: ApprovalRequest; awaitingMe: boolean }[]>;
  /** Recently decided requests, newest first. */
  history(limit: number): Promise<ApprovalRequest[]>;
  /** Withdraws a pending request; only its requester may. */
  cancel(userId: string, requestId: string): Promise<Reply>;
}
