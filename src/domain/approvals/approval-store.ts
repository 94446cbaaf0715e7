import type {
  ApprovalPatch,
  ApprovalRequest,
  ApprovalState,
  ApprovalTally,
  ApprovalVote,
  ListOptions,
  NewApprovalRequest,
} from './model.js';

/** Approval requests and their votes in the store; every change of state is a compare-and-set. */
export interface ApprovalStore {
  /** Stores a new request; rejects when the id already exists. */
  insert(request: NewApprovalRequest): Promise<ApprovalRequest>;
  get(id: string): Promise<ApprovalRequest | undefined>;
  /** Compare-and-set: moves the request to `to` only if its state is (one of) `from`; else undefined. */
  transition(
    id: string,
    from: ApprovalState | readonly ApprovalState[],
    to: ApprovalState,
    patch?: ApprovalPatch,
  ): Promise<ApprovalRequest | undefined>;
  /** Records where the approval card was posted; false when the request does not exist. */
  setCard(id: string, channel: string, ts: string): Promise<boolean>;
  /** Requests in any of `states`, oldest first (default limit 100). */
  listByState(states: readonly ApprovalState[], options?: ListOptions): Promise<ApprovalRequest[]>;
  /** Requests no longer pending, most recently decided first (default limit 20). */
  listRecent(options?: ListOptions): Promise<ApprovalRequest[]>;
  /** Pending requests with `expires_at <= now`, soonest expiry first. */
  listExpired(now: number, options?: ListOptions): Promise<ApprovalRequest[]>;
  /** Records a vote (idempotent per user) and returns how many distinct users have voted. */
  addApproval(requestId: string, userId: string, at: number): Promise<number>;
  /** Votes on a request, oldest first. */
  listApprovals(requestId: string): Promise<ApprovalVote[]>;
  /**
   * One transaction on a pending request: records `vote` (once per user; none when omitted), counts the distinct
   * votes (leaving out those of `ignoring`, e.g. people who lost the approver role) and, when they reach
   * `required`, moves the request `pending → approved` with `patch`. Either all of it happens or none. Undefined
   * when the request does not exist or is no longer pending.
   */
  settleApproval(
    requestId: string,
    options: {
      vote?: { userId: string; at: number };
      required: number;
      ignoring?: readonly string[];
      patch?: ApprovalPatch;
    },
  ): Promise<ApprovalTally | undefined>;
  /** Pending requests whose distinct votes already reach their stored requirement, oldest first (limit 100). */
  listApprovable(options?: ListOptions): Promise<ApprovalRequest[]>;
  /** How many requests are in each state (every state present, 0 when none). */
  countApprovalsByState(): Promise<Record<ApprovalState, number>>;
}
