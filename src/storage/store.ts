import type { GrantRecords } from './grant-records.js';
import type { WatchRecords } from './watch-records.js';

/** Every state an approval request can be in. */
export const APPROVAL_STATES = [
  'pending',
  'approved',
  'executing',
  'succeeded',
  'failed',
  'rejected',
  'expired',
  'cancelled',
  'outcome_unknown',
] as const;

export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** Where a requester asked: in Slack or on the command line. */
export const REQUEST_SOURCES = ['slack', 'cli'] as const;

export type RequestSource = (typeof REQUEST_SOURCES)[number];

/** Any value JSON can hold; `undefined` object members are dropped when stored. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/** A JSON object, such as an operation's validated input. */
export type JsonObject = { readonly [key: string]: JsonValue | undefined };

/** One approval request for a risky operation, as stored. Absent optional fields are `null`. */
export interface ApprovalRequest {
  id: string;
  operation: string;
  /** The operation's validated input; never holds secrets. */
  input: JsonObject;
  summary: string;
  requester_id: string;
  requester_email: string | null;
  /** The surface the requester used; the operation runs with it. */
  requester_source: RequestSource;
  channel_id: string;
  reason: string | null;
  state: ApprovalState;
  required_approvals: number;
  approver_role: string;
  /** Milliseconds since the epoch, like every timestamp in the store. */
  created_at: number;
  expires_at: number;
  card_channel: string | null;
  card_ts: string | null;
  result: JsonValue | null;
  error: JsonValue | null;
  openai_request_id: string | null;
  decided_by: string | null;
  decided_at: number | null;
  decision_reason: string | null;
}

/** What `insert` needs: optional fields may be left out, `state` defaults to `pending`. */
export interface NewApprovalRequest {
  id: string;
  operation: string;
  input: JsonObject;
  summary: string;
  requester_id: string;
  requester_email?: string | null;
  /** Defaults to `slack`. */
  requester_source?: RequestSource;
  channel_id: string;
  reason?: string | null;
  state?: ApprovalState;
  required_approvals: number;
  approver_role: string;
  created_at: number;
  expires_at: number;
  card_channel?: string | null;
  card_ts?: string | null;
}

/** Fields a `transition` may set together with the new state. */
export type ApprovalPatch = Partial<
  Pick<
    ApprovalRequest,
    | 'result'
    | 'error'
    | 'openai_request_id'
    | 'decided_by'
    | 'decided_at'
    | 'decision_reason'
    | 'card_channel'
    | 'card_ts'
    | 'required_approvals'
    | 'approver_role'
  >
>;

/** One approver's vote on a request; a user counts once per request. */
export interface ApprovalVote {
  request_id: string;
  user_id: string;
  at: number;
}

/** What `settleApproval` found and did, all in one transaction. */
export interface ApprovalTally {
  /** The request after the call: `approved` when this call completed it, else still `pending`. */
  request: ApprovalRequest;
  /** Distinct votes that count, this one included. */
  votes: number;
  /** True for the one call that moved the request from `pending` to `approved`. */
  approved: boolean;
}

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

/** A channel's scheduled spend digest. */
export interface DigestSubscription {
  id: string;
  channel_id: string;
  /** Cron expression. */
  schedule: string;
  /** IANA time zone the schedule is read in. */
  timezone: string;
  /** Projects to include; `null` means every project. */
  project_ids: string[] | null;
  muted_sections: string[];
  created_by: string;
  created_at: number;
}

/** A newly created key value, encrypted by the caller, waiting to be shown once to its owner. */
export interface PendingSecret {
  id: string;
  owner_user_id: string;
  ciphertext: string;
  created_at: number;
  expires_at: number;
}

/** Paging for list methods. */
export interface ListOptions {
  limit?: number;
}

/**
 * The persistence port. Every state change is atomic in the database, so several replicas sharing one
 * database never both win a transition, a once-only claim, a lease or a secret.
 */
export interface Store {
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

  appendAudit(event: NewAuditEvent): Promise<AuditEvent>;
  listAudit(query?: AuditQuery): Promise<AuditEvent[]>;
  /** Every audit entry in append order, read in batches (for a JSON-lines export). */
  iterateAudit(options?: { batchSize?: number }): AsyncIterable<AuditEvent>;

  createSubscription(subscription: DigestSubscription): Promise<DigestSubscription>;
  /** Subscriptions of one channel, or of all channels, oldest first. */
  listSubscriptions(channelId?: string): Promise<DigestSubscription[]>;
  /** Deletes only when the subscription belongs to `channelId`; true when one was deleted. */
  deleteSubscription(id: string, channelId: string): Promise<boolean>;

  /** True for exactly one caller ever per key (e.g. `digest:<subscription>:<period>`). */
  claimOnce(key: string, owner: string, at: number): Promise<boolean>;
  /**
   * Takes the lease `name` for `token` until the database's clock reaches its now + `ttlMs`. Succeeds only when
   * the lease is free, expired by the database's clock, or already held by this same `token` (which renews it).
   * Tokens belong to one holder (e.g. one execution), never to a whole process.
   */
  acquireLease(name: string, token: string, ttlMs: number): Promise<boolean>;
  /** Extends a lease `token` still holds to the database's now + `ttlMs`; false when it holds it no more. */
  renewLease(name: string, token: string, ttlMs: number): Promise<boolean>;
  /** Frees a lease held by `token`; false when `token` did not hold it. */
  releaseLease(name: string, token: string): Promise<boolean>;

  putSecret(secret: PendingSecret): Promise<void>;
  /**
   * Deletes and returns the secret, only for its owner, so it is revealed at most once. With `now`, an
   * expired secret is deleted but not returned.
   */
  takeSecret(id: string, ownerUserId: string, now?: number): Promise<PendingSecret | undefined>;
  /** Deletes secrets with `expires_at <= now`; returns how many. */
  purgeSecrets(now: number): Promise<number>;

  /** Time-bound grants and their undo, each change a compare-and-set. */
  readonly grants: GrantRecords;
  /** Audit watches and their shared cursor. */
  readonly watches: WatchRecords;

  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** Closes connections; safe to call twice. */
  close(): Promise<void>;
}
