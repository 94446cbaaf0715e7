import type { JsonObject, JsonValue } from '../json.js';

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

/** What a new request needs: optional fields may be left out, `state` defaults to `pending`. */
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

/** Fields a state transition may set together with the new state. */
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

/** What settling a vote found and did, all in one transaction. */
export interface ApprovalTally {
  /** The request after the call: `approved` when this call completed it, else still `pending`. */
  request: ApprovalRequest;
  /** Distinct votes that count, this one included. */
  votes: number;
  /** True for the one call that moved the request from `pending` to `approved`. */
  approved: boolean;
}

/** Paging for list methods. */
export interface ListOptions {
  limit?: number;
}
