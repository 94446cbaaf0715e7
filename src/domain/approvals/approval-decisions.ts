import type { AnyOperation } from '../operations/operation.js';
import type { Policy } from '../policy/policy.js';
import type { OperationDeps } from '../ports.js';
import type { ApprovalExecutor } from './approval-executor.js';
import type { ApprovalTrail } from './approval-trail.js';
import type { ApprovalRequest } from './model.js';
import { blockedText, type Standing, standingOf, storedMatches } from './standing.js';
import { formatInstant, notPendingText } from './state-text.js';

/** Whether a person may decide a request now, and under what the policy says now. */
export type CheckResult =
  | { kind: 'refused'; message: string }
  | {
      kind: 'ok';
      request: ApprovalRequest;
      standing: Standing;
      votedBefore: boolean;
      /** Earlier voters who no longer hold the approver role; their votes no longer count. */
      lapsedVoters: string[];
    };

/** What became of a click on Approve or Reject. Refusals change nothing. */
export type Decision =
  | { kind: 'refused'; message: string }
  | { kind: 'recorded'; message: string }
  | { kind: 'decided'; message: string; request: ApprovalRequest };

type Refusal = { kind: 'refused'; message: string };

/** What deciding needs: the policy as it is now, the operations it names, the store and the executor. */
export interface DecisionDeps {
  readonly policy: Policy;
  readonly operations: readonly AnyOperation[];
  readonly operationDeps: OperationDeps;
  readonly executor: Pick<ApprovalExecutor, 'execute'>;
}

/**
 * Approve and Reject clicks under the policy as it is now. A vote, its count and the move to `approved` are one
 * store transaction, and votes that are already enough are completed by the next click or the sweeper.
 */
export class ApprovalDecisions {
  readonly #deps: DecisionDeps;
  readonly #trail: ApprovalTrail;
  readonly #expire: (request: ApprovalRequest) => Promise<void>;

  constructor(deps: DecisionDeps, trail: ApprovalTrail, expire: (request: ApprovalRequest) => Promise<void>) {
    this.#deps = deps;
    this.#trail = trail;
    this.#expire = expire;
  }

  get #store() {
    return this.#deps.operationDeps.store;
  }

  #now(): number {
    return this.#deps.operationDeps.now().getTime();
  }

  /** Applies an Approve or Reject click, under the policy as it is now. */
  async decide(userId: string, requestId: string, verdict: 'approve' | 'reject', reason?: string): Promise<Decision> {
    const check = await this.check(userId, requestId, verdict);
    if (check.kind === 'refused') return check;
    const { request, standing, votedBefore, lapsedVoters } = check;
    const now = this.#now();
    if (verdict === 'reject') {
      const rejected = await this.#store.transition(request.id, 'pending', 'rejected', {
        decided_by: userId,
        decided_at: now,
        decision_reason: reason ?? null,
      });
      if (!rejected) return this.#lostRace(request.id);
      await this.#trail.audit(rejected, 'rejected', userId, { reason: reason ?? null });
      await this.#trail.announce(rejected);
      return { kind: 'decided', message: `Rejected request ${rejected.id}.`, request: rejected };
    }
    if (standing.blocked) {
      await this.#trail.refreshCard(request, standing.blocked);
      return { kind: 'refused', message: blockedText(request, standing.blocked) };
    }
    const tally = await this.#store.settleApproval(request.id, {
      vote: { userId, at: now },
      required: standing.required,
      ignoring: lapsedVoters,
      patch: { decided_by: userId, decided_at: now },
    });
    if (!tally) return this.#lostRace(request.id);
    if (!votedBefore)
      await this.#trail.audit(request, 'approval', userId, { count: tally.votes, required: standing.required });
    if (!tally.approved) {
      await this.#trail.refreshCard(tally.request);
      return { kind: 'recorded', message: `Approval recorded (${tally.votes} of ${standing.required}).` };
    }
    return this.#run(tally.request, userId);
  }

  /**
   * Completes pending requests whose recorded votes already meet what the policy requires now (a decision
   * interrupted after its vote was stored), unless their requester may no longer run them. Returns how many ran.
   */
  async completeApprovable(): Promise<number> {
    let completed = 0;
    for (const stored of await this.#store.listApprovable()) {
      if (this.#now() >= stored.expires_at) continue;
      const adopted = await this.#adopt(stored);
      if (!adopted || adopted.standing.blocked) continue;
      const voters = (await this.#store.listApprovals(stored.id)).map((v) => v.user_id);
      const lapsed = await this.#lapsed(voters, adopted.standing);
      const lastVoter = voters.filter((v) => !lapsed.includes(v)).at(-1) ?? null;
      const tally = await this.#store.settleApproval(stored.id, {
        required: adopted.standing.required,
        ignoring: lapsed,
        patch: { decided_by: lastVoter, decided_at: this.#now() },
      });
      if (!tally?.approved) continue;
      await this.#run(tally.request, lastVoter ?? undefined);
      completed += 1;
    }
    return completed;
  }

  /** Whether this person may decide this request now; expires it when its time has passed. */
  async check(userId: string, requestId: string, verdict: 'approve' | 'reject'): Promise<CheckResult> {
    const stored = await this.#store.get(requestId);
    if (!stored) return { kind: 'refused', message: `There is no request ${requestId}.` };
    if (stored.state !== 'pending') return { kind: 'refused', message: notPendingText(stored) };
    if (this.#now() >= stored.expires_at) {
      await this.#expire(stored);
      return {
        kind: 'refused',
        message: `Request ${stored.id} expired at ${formatInstant(stored.expires_at)}; nothing was changed.`,
      };
    }
    if (userId === stored.requester_id) {
      return {
        kind: 'refused',
        message:
          verdict === 'approve'
            ? 'You cannot approve your own request; someone else with the approver role must.'
            : `You cannot reject your own request; withdraw it with /openai approvals cancel ${stored.id}.`,
      };
    }
    const adopted = await this.#adopt(stored);
    if (!adopted) return this.#lostRace(stored.id);
    const { request, standing } = adopted;
    if (!(await this.#deps.policy.hasRole(userId, standing.approverRole))) {
      return {
        kind: 'refused',
        message: `Only members of the ${standing.approverRole} role may ${verdict} this request.`,
      };
    }
    const voters = (await this.#store.listApprovals(request.id)).map((v) => v.user_id);
    const lapsedVoters = await this.#lapsed(voters, standing);
    const votedBefore = voters.includes(userId);
    // A voter clicking again completes a request whose votes are already enough (its approval was interrupted).
    if (verdict === 'approve' && votedBefore && voters.length - lapsedVoters.length < standing.required) {
      return { kind: 'refused', message: `You already approved request ${request.id}; it needs someone else too.` };
    }
    return { kind: 'ok', request, standing, votedBefore, lapsedVoters };
  }

  /** Voters who no longer hold the approver role the policy names now. */
  async #lapsed(voters: readonly string[], standing: Standing): Promise<string[]> {
    const lapsed = [];
    for (const voter of voters) {
      if (!(await this.#deps.policy.hasRole(voter, standing.approverRole))) lapsed.push(voter);
    }
    return lapsed;
  }

  /** Stores the count and approver role the policy asks for now on a pending request; undefined once decided. */
  async #adopt(request: ApprovalRequest): Promise<{ request: ApprovalRequest; standing: Standing } | undefined> {
    const standing = await standingOf(request, this.#deps.policy, this.#deps.operations, this.#deps.operationDeps);
    if (storedMatches(request, standing)) return { request, standing };
    const updated = await this.#store.transition(request.id, 'pending', 'pending', {
      required_approvals: standing.required,
      approver_role: standing.approverRole,
    });
    return updated && { request: updated, standing };
  }

  async #run(approved: ApprovalRequest, actorId: string | undefined): Promise<Decision> {
    await this.#trail.audit(approved, 'approved', actorId);
    const done = await this.#deps.executor.execute(approved);
    return { kind: 'decided', message: `Approved request ${approved.id}.`, request: done ?? approved };
  }

  async #lostRace(requestId: string): Promise<Refusal> {
    const now = await this.#store.get(requestId);
    return { kind: 'refused', message: now ? notPendingText(now) : `There is no request ${requestId}.` };
  }
}
