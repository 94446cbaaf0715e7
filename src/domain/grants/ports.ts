/** What a grant gave, and so what its undo takes back. */
export type GrantKind = 'project_member' | 'org_owner';

/**
 * `active`: access given, waiting for its expiry (or for a retry after a failed undo);
 * `undoing`: one replica holds it and is taking the access back; `ended`: taken back by the bot;
 * `drifted`: the target was changed by hand before expiry, so it was reported and left alone;
 * `cancelled`: the access was never given (the call that would have given it failed).
 */
export type GrantState = 'active' | 'undoing' | 'ended' | 'drifted' | 'cancelled';

/** One time-bound grant as stored. Times are milliseconds since the epoch. */
export interface Grant {
  id: string;
  kind: GrantKind;
  /** Set for `project_member`. */
  project_id: string | null;
  project_name: string | null;
  /** The OpenAI user who received the access. */
  user_id: string;
  user_email: string | null;
  /** The project role (`member`/`owner`) or organization role (`owner`) given. */
  granted_role: string;
  /** `org_owner`: the organization role read live just before the grant, restored at expiry. */
  previous_role: string | null;
  /** The chat user who holds the access, when known (told at expiry, shown in their Home tab). */
  grantee_chat_id: string | null;
  /** The chat user (or `cli:…`) who gave it; told at expiry. */
  granted_by: string;
  /** The approval request it came from, if any. */
  request_id: string | null;
  reason: string | null;
  state: GrantState;
  created_at: number;
  expires_at: number;
  /** When the expiry worker should next try; `expires_at` at first, later after a failed attempt. */
  due_at: number;
  /** How many times an undo was started. */
  attempts: number;
  /** The replica holding an `undoing` grant, until `lease_until`. */
  owner: string | null;
  lease_until: number | null;
  last_error: string | null;
  /** Who ended it early with `grants revoke`, if anyone. */
  revoked_by: string | null;
  ended_at: number | null;
  /** What happened at the end, in plain words. */
  outcome: string | null;
}

export type NewGrant = Pick<
  Grant,
  | 'id'
  | 'kind'
  | 'project_id'
  | 'project_name'
  | 'user_id'
  | 'user_email'
  | 'granted_role'
  | 'previous_role'
  | 'grantee_chat_id'
  | 'granted_by'
  | 'request_id'
  | 'reason'
  | 'created_at'
  | 'expires_at'
>;

/**
 * Grants in the store. Every change of state is a compare-and-set, so replicas sharing one database never both
 * undo a grant.
 */
export interface GrantStore {
  insertGrant(grant: NewGrant): Promise<Grant>;
  getGrant(id: string): Promise<Grant | undefined>;
  /** Active grants, soonest expiry first; only one user's (by chat id) when `granteeChatId` is given. */
  listActiveGrants(options?: { granteeChatId?: string; limit?: number }): Promise<Grant[]>;
  /** Ids of grants ready for an undo: active and due, or undoing with a lapsed lease; soonest due first. */
  listDueGrants(now: number, limit: number): Promise<string[]>;
  /**
   * Takes a due grant for an undo: `active` and due, or `undoing` with a lapsed lease, becomes `undoing` held by
   * `owner` until `now + ttlMs`, with one more attempt counted. Undefined when someone else has it or it is not due.
   */
  claimGrant(id: string, owner: string, now: number, ttlMs: number): Promise<Grant | undefined>;
  /** Ends an `undoing` grant held by `owner` (`ended` or `drifted`); undefined when `owner` no longer holds it. */
  finishGrant(
    id: string,
    owner: string,
    state: 'ended' | 'drifted',
    fields: { ended_at: number; outcome: string },
  ): Promise<Grant | undefined>;
  /** Puts an `undoing` grant held by `owner` back to `active`, due again at `dueAt`, with the error. */
  retryGrant(id: string, owner: string, dueAt: number, error: string): Promise<Grant | undefined>;
  /** Makes an active grant due now, recording who asked; undefined when it is not active. */
  revokeGrant(id: string, by: string, now: number): Promise<Grant | undefined>;
  /** Marks an active grant whose access was never given as `cancelled`. */
  cancelGrant(id: string, reason: string, now: number): Promise<Grant | undefined>;
}

/** A plain-text note about a grant, to one person or to the approvals channel. */
export interface GrantNotifier {
  /** Direct message to a chat user; never throws. */
  tell(chatUserId: string, text: string): Promise<void>;
  /** Posts in the approvals channel; never throws. */
  alert(text: string): Promise<void>;
}

/** Finds the chat user behind an email, so the grantee can be told and see their grants. */
export interface ChatPeople {
  userIdOfEmail(email: string): Promise<string | undefined>;
}
