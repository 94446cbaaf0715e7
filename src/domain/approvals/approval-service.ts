import { randomBytes } from 'node:crypto';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { Actor } from '../actor.js';
import type { JsonObject } from '../json.js';
import type { AnyOperation } from '../operations/operation.js';
import type { EffectiveRule, Policy } from '../policy/policy.js';
import type { OperationDeps } from '../ports.js';
import type { Reply } from '../reply.js';
import { ApprovalDecisions, type CheckResult, type Decision } from './approval-decisions.js';
import type { ApprovalDesk } from './approval-desk.js';
import type { ApprovalExecutor } from './approval-executor.js';
import { ApprovalTrail } from './approval-trail.js';
import type { ApprovalRequest } from './model.js';
import type { ApprovalNotifier, UserDirectory } from './ports.js';
import { formatInstant, notPendingText } from './state-text.js';

export interface ApprovalServiceDeps {
  policy: Policy;
  operations: readonly AnyOperation[];
  operationDeps: OperationDeps;
  notifier: ApprovalNotifier;
  directory: UserDirectory;
  /** Runs an approved request (the composition root may wrap it, e.g. to wait outside a work place). */
  executor: Pick<ApprovalExecutor, 'execute'>;
}

const newRequestId = () => `req_${randomBytes(5).toString('hex')}`;

export type { CheckResult, Decision };

/** Files risky operations for approval and applies decisions, each step a compare-and-set in the store. */
export class ApprovalService implements ApprovalDesk {
  readonly #deps: ApprovalServiceDeps;
  readonly #trail: ApprovalTrail;
  readonly #decisions: ApprovalDecisions;

  constructor(deps: ApprovalServiceDeps) {
    this.#deps = deps;
    this.#trail = new ApprovalTrail(deps.operationDeps.store, deps.notifier, () => this.#now());
    this.#decisions = new ApprovalDecisions(deps, this.#trail, (request) => this.expire(request));
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
    await this.#trail.audit(request, 'requested', actor.userId, { reason: reason ?? null });
    let card: { channel: string; ts: string };
    try {
      card = await this.#deps.notifier.postCard({ request, votes: [] });
    } catch (error) {
      await this.#store.transition(request.id, 'pending', 'cancelled', {
        decision_reason: 'approval card could not be posted',
      });
      await this.#trail.audit(request, 'cancelled', undefined, { reason: 'approval card could not be posted' });
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

  /** Applies an Approve or Reject click, under the policy as it is now. */
  decide(userId: string, requestId: string, verdict: 'approve' | 'reject', reason?: string): Promise<Decision> {
    return this.#decisions.decide(userId, requestId, verdict, reason);
  }

  /** Whether this person may decide this request now; expires it when its time has passed. */
  check(userId: string, requestId: string, verdict: 'approve' | 'reject'): Promise<CheckResult> {
    return this.#decisions.check(userId, requestId, verdict);
  }

  /** Completes pending requests whose recorded votes are already enough (see ApprovalDecisions). */
  completeApprovable(): Promise<number> {
    return this.#decisions.completeApprovable();
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
    await this.#trail.audit(cancelled, 'cancelled', userId);
    await this.#trail.refreshCard(cancelled);
    return { title: `Cancelled request ${cancelled.id}; nothing was changed.` };
  }

  /** Moves an overdue pending request to expired (once, whoever gets there first) and says so. */
  async expire(request: ApprovalRequest): Promise<void> {
    const expired = await this.#store.transition(request.id, 'pending', 'expired', { decided_at: this.#now() });
    if (!expired) return;
    await this.#trail.audit(expired, 'expired');
    await this.#trail.announce(expired);
  }

  /** Pending requests, the ones this person may approve first. */
  async pending(userId: string): Promise<{ request: ApprovalRequest; awaitingMe: boolean }[]> {
    const pending = await this.#store.listByState(['pending'], { limit: 200 });
    const rows = [];
    for (const request of pending) {
      // Overdue: no longer decidable, and the sweeper expires it; a listing only reads.
      if (request.expires_at <= this.#now()) continue;
      const check = await this.check(userId, request.id, 'approve');
      const mine = check.kind === 'ok' && !check.standing.blocked;
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
}
