import type { ApprovalRequest, ApprovalVote } from './model.js';

/** Everything a card needs to show one request as it is now. */
export interface ApprovalCard {
  request: ApprovalRequest;
  votes: readonly ApprovalVote[];
  /** Why a pending request can no longer run under the policy as it is now; shown until it is decided. */
  blocked?: string;
}

/**
 * Where approval cards live and how the requester hears about their request; Slack implements it.
 * `updateCard` and `tellRequester` never throw (a failed Slack call must not undo a decision); they log instead.
 */
export interface ApprovalNotifier {
  /** Posts the card in the approvals channel; returns where it was posted. */
  postCard(card: ApprovalCard): Promise<{ channel: string; ts: string }>;
  /** Rewrites the card in place to show the request's current state. */
  updateCard(card: ApprovalCard): Promise<void>;
  /** Tells the requester privately what became of their request (its current state says what). */
  tellRequester(card: ApprovalCard): Promise<void>;
}

/** Looks up a person's email from their chat user id. */
export interface UserDirectory {
  emailOf(userId: string): Promise<string | undefined>;
}
