import { randomBytes } from 'node:crypto';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { ApprovalRequest, JsonObject } from '../../storage/store.js';
import type { Actor } from '../actor.js';
import type { AnyOperation } from '../operations/operation.js';
import type { EffectiveRule, Policy } from '../policy/policy.js';
import type { OperationDeps } from '../ports.js';
import type { Reply } from '../reply.js';
import type { ApprovalExecutor } from './approval-executor.js';
import type { ApprovalNotifier, UserDirectory } from './ports.js';
import { formatInstant, notPendingText } from './state-text.js';

/** What became of a click on Approve or Reject. Refusals change nothing. */
export type Decision =
  | { kind: 'refused'; message: string }
  | { kind: 'recorded'; message: string }
  | { kind: 'decided'; message: string; request: ApprovalRequest };

export interface ApprovalServiceDeps {
  policy: Policy;
  operations: readonly AnyOperation[];
  operationDeps: OperationDeps;
  notifier: ApprovalNotifier;
  directory: UserDirectory;
  executor: ApprovalExecutor;
}

const newRequestId = () => `req_${randomBytes(5).toString('hex')}`;

/** Files risky operations for approval and applies decisions, each step a compare-and-set in the store. */
export class ApprovalService {
  readonly #deps: ApprovalServiceDeps;

  constructor(deps: ApprovalServiceDeps) {
    this.#deps = deps;
  }

  get #store() {
    return this.#deps.operationDeps.store;
  }

  #now(): number {
    return this.#deps.operationDeps.now().getTime();
  }

  /** Stores a request and posts its card; nothing changes in OpenAI until it is approved. */
  async request(
    actor: Actor,
    operation: AnyOperation,
    input: unknown,
    reason: string | undefined,
    rule: EffectiveRule,
  ): Promise<Reply> {
    const preview = operation.preview ? await operation.preview(this.#deps.operationDeps, input) : [];
    const now = this.#now();
    const request = await this.#store.insert({
      id: newRequestId(),
      operation: operation.name,
      input: input as JsonObject,
      summary: [operation.describe(input), ...preview].join('\n'),
      requester_id: actor.userId,
      requester_email: (await this.#deps.directory.emailOf(actor.userId).catch(() => undefined)) ?? null,
      requester_source: actor.source,
      channel_id: actor.channelId ?? '',
      reason: reason ?? null,
      required_approvals: rule.approvals,
      approver_role: rule.approverRole,
      created_at: now,
      expires_at: now + rule.expiresAfterMs,
    });
    await this.#audit(request, 'requested', actor.userId, { reason: reason ?? null });
    let card: { channel: string; ts: string };
    try {
      card = await this.#deps.notifier.postCard({ request, votes: [] });
    } catch (error) {
      await this.#store.transition(request.id, 'pending', 'cancelled', {
        decision_reason: 'approval card could not be posted',
      });
      await this.#audit(request, 'cancelled', undefined, { reason: 'approval card could not be posted' });
      throw error;
    }
    await this.#store.setCard(request.id, card.channel, card.ts);
    const needs = rule.approvals === 1 ? 'one approval' : `${rule.approvals} approvals`;
    return {
      title: `Sent for approval: ${operation.describe(input)}.`,
      notes: [
        `Request ${request.id} needs ${needs} from the ${rule.approverRole} role and expires ${formatInstant(request.expires_at)}.`,
        'Nothing changes until it is approved; you will be told the outcome.',
      ],
      channelId: card.channel,
    };
  }

  /** Applies an Approve or Reject click. */
  async decide(userId: string, requestId: string, verdict: 'approve' | 'reject', reason?: string): Promise<Decision> {
    const check = await this.check(userId, requestId, verdict);
    if (check.kind === 'refused') return check;
    const { request } = check;
    const now = this.#now();
    if (verdict === 'reject') {
      const rejected = await this.#store.transition(request.id, 'pending', 'rejected', {
        decided_by: userId,
        decided_at: now,
        decision_reason: reason ?? null,
      });
      if (!rejected) return this.#lostRace(request.id);
      await this.#audit(rejected, 'rejected', userId, { reason: reason ?? null });
      await this.#announce(rejected);
      return { kind: 'decided', message: `Rejected request ${rejected.id}.`, request: rejected };
    }
    const count = await this.#store.addApproval(request.id, userId, now);
    await this.#audit(request, 'approval', userId, { count, required: request.required_approvals });
    if (count < request.required_approvals) {
      await this.#refreshCard(request);
      return { kind: 'recorded', message: `Approval recorded (${count} of ${request.required_approvals}).` };
    }
    const approved = await this.#store.transition(request.id, 'pending', 'approved', {
      decided_by: userId,
      decided_at: now,
    });
    if (!approved) return this.#lostRace(request.id);
    await this.#audit(approved, 'approved', userId);
    const done = await this.#deps.executor.execute(approved);
    return { kind: 'decided', message: `Approved request ${approved.id}.`, request: done ?? approved };
  }

  /** Whether this person may decide this request now; expires it when its time has passed. */
  async check(
    userId: string,
    requestId: string,
    verdict: 'approve' | 'reject',
  ): Promise<{ kind: 'refused'; message: string } | { kind: 'ok'; request: ApprovalRequest }> {
    const request = await this.#store.get(requestId);
    if (!request) return { kind: 'refused', message: `There is no request ${requestId}.` };
    if (request.state !== 'pending') return { kind: 'refused', message: notPendingText(request) };
    if (this.#now() >= request.expires_at) {
      await this.expire(request);
      return {
        kind: 'refused',
        message: `Request ${request.id} expired at ${formatInstant(request.expires_at)}; nothing was changed.`,
      };
    }
    if (userId === request.requester_id) {
      return {
        kind: 'refused',
        message:
          verdict === 'approve'
            ? 'You cannot approve your own request; someone else with the approver role must.'
            : `You cannot reject your own request; withdraw it with /openai approvals cancel ${request.id}.`,
      };
    }
    if (!(await this.#deps.policy.hasRole(userId, request.approver_role as 'approver'))) {
      return {
        kind: 'refused',
        message: `Only members of the ${request.approver_role} role may ${verdict} this request.`,
      };
    }
    const votes = await this.#store.listApprovals(request.id);
    if (verdict === 'approve' && votes.some((v) => v.user_id === userId)) {
      return { kind: 'refused', message: `You already approved request ${request.id}; it needs someone else too.` };
    }
    return { kind: 'ok', request };
  }

  /** Withdraws a pending request; only its requester may. */
  async cancel(userId: string, requestId: string): Promise<Reply> {
    const request = await this.#store.get(requestId);
    if (!request) throw new NotFoundError(`There is no request ${requestId}.`);
    if (request.requester_id !== userId) throw new ForbiddenError('Only the person who asked may cancel a request.');
    const cancelled = await this.#store.transition(request.id, 'pending', 'cancelled', {
      decided_by: userId,
      decided_at: this.#now(),
    });
    if (!cancelled) throw new ForbiddenError(notPendingText((await this.#store.get(request.id)) ?? request));
    await this.#audit(cancelled, 'cancelled', userId);
    await this.#refreshCard(cancelled);
    return { title: `Cancelled request ${cancelled.id}; nothing was changed.` };
  }

  /** Moves an overdue pending request to expired (once, whoever gets there first) and says so. */
  async expire(request: ApprovalRequest): Promise<void> {
    const expired = await this.#store.transition(request.id, 'pending', 'expired', { decided_at: this.#now() });
    if (!expired) return;
    await this.#audit(expired, 'expired');
    await this.#announce(expired);
  }

  /** Pending requests, the ones this person may approve first. */
  async pending(userId: string): Promise<{ request: ApprovalRequest; awaitingMe: boolean }[]> {
    const pending = await this.#store.listByState(['pending'], { limit: 200 });
    const rows = [];
    for (const request of pending) {
      const mine = (await this.check(userId, request.id, 'approve')).kind === 'ok';
      rows.push({ request, awaitingMe: mine });
    }
    return rows.sort((a, b) => Number(b.awaitingMe) - Number(a.awaitingMe));
  }

  /** What the Home tab shows: requests this person may approve now, and their own recent ones. */
  async home(
    userId: string,
  ): Promise<{ awaitingMe: ApprovalRequest[]; mine: ApprovalRequest[]; otherPending: number }> {
    const pending = await this.pending(userId);
    const awaitingMe = pending.filter((p) => p.awaitingMe).map((p) => p.request);
    const recent = await this.#store.listRecent({ limit: 100 });
    const mine = [...pending.map((p) => p.request), ...recent].filter((r) => r.requester_id === userId).slice(0, 20);
    return { awaitingMe, mine, otherPending: pending.length - awaitingMe.length };
  }

  /** Recently decided requests, newest first. */
  history(limit: number): Promise<ApprovalRequest[]> {
    return this.#store.listRecent({ limit });
  }

  /** Expires every overdue pending request. */
  async expireOverdue(): Promise<number> {
    const overdue = await this.#store.listExpired(this.#now());
    for (const request of overdue) await this.expire(request);
    return overdue.length;
  }

  async #lostRace(requestId: string): Promise<Decision> {
    const now = await this.#store.get(requestId);
    return { kind: 'refused', message: now ? notPendingText(now) : `There is no request ${requestId}.` };
  }

  async #refreshCard(request: ApprovalRequest): Promise<void> {
    const votes = await this.#store.listApprovals(request.id);
    await this.#deps.notifier.updateCard({ request, votes });
  }

  async #announce(request: ApprovalRequest): Promise<void> {
    const votes = await this.#store.listApprovals(request.id);
    await this.#deps.notifier.updateCard({ request, votes });
    await this.#deps.notifier.tellRequester({ request, votes });
  }

  async #audit(request: ApprovalRequest, event: string, actorId?: string, detail?: JsonObject): Promise<void> {
    await this.#store.appendAudit({
      request_id: request.id,
      event,
      actor_id: actorId ?? null,
      at: this.#now(),
      operation: request.operation,
      input: request.input,
      detail: detail ?? null,
    });
  }
}
