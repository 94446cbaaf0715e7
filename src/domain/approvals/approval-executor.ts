import { randomBytes } from 'node:crypto';
import { describeError } from '../../error-text.js';
import type { Actor } from '../actor.js';
import type { AuditTrail } from '../audit-trail/ports.js';
import type { Coordination } from '../coordination/ports.js';
import type { JsonObject } from '../json.js';
import type { AnyOperation } from '../operations/operation.js';
import { runOperation } from '../operations/run-operation.js';
import { reparseStored } from '../operations/stored-input.js';
import type { OperationDeps } from '../ports.js';
import type { ApprovalStore } from './approval-store.js';
import type { ApprovalRequest } from './model.js';
import type { ApprovalNotifier } from './ports.js';

/** A fresh id for this process, for records that name a replica (grant undos, digest claims, leases). */
export const newReplicaId = () => newToken('replica');

export interface ExecutorOptions {
  /** This process, as named in shared records; a fresh one when absent. */
  instanceId?: string;
  /** How long an execution lease lives without renewal; a crashed executor is detected after this. */
  leaseTtlMs?: number;
}

const leaseName = (requestId: string) => `execution:${requestId}`;
const newToken = (what: string) => `${what}_${randomBytes(8).toString('hex')}`;

/**
 * Runs approved requests exactly once. `approved → executing` is a compare-and-set, and each execution holds a
 * lease of its own (a fresh token per run), renewed while it runs and judged by the database's clock. A request
 * whose execution lease lapsed is reported as `outcome_unknown`, never re-run.
 */
export class ApprovalExecutor {
  readonly #operations: readonly AnyOperation[];
  readonly #deps: OperationDeps;
  readonly #notifier: ApprovalNotifier;
  readonly #ttl: number;
  /** Requests this process is executing now; its own recovery never touches them. */
  readonly #running = new Set<string>();
  /** This process, for records that name a replica (e.g. digest claims). */
  readonly instanceId: string;

  constructor(
    operations: readonly AnyOperation[],
    deps: OperationDeps,
    notifier: ApprovalNotifier,
    options: ExecutorOptions = {},
  ) {
    this.#operations = operations;
    this.#deps = deps;
    this.#notifier = notifier;
    this.#ttl = options.leaseTtlMs ?? 120_000;
    this.instanceId = options.instanceId ?? newReplicaId();
  }

  get #store(): ApprovalStore & Coordination & AuditTrail {
    return this.#deps.store;
  }

  #now(): number {
    return this.#deps.now().getTime();
  }

  /** Claims and runs an approved request; returns its final row, or undefined when another run has it. */
  async execute(request: ApprovalRequest): Promise<ApprovalRequest | undefined> {
    const lease = leaseName(request.id);
    const token = newToken('run');
    if (!(await this.#store.acquireLease(lease, token, this.#ttl))) return undefined;
    let executing: ApprovalRequest | undefined;
    try {
      executing = await this.#store.transition(request.id, 'approved', 'executing');
    } finally {
      if (!executing) await this.#store.releaseLease(lease, token);
    }
    if (!executing) return undefined;
    this.#running.add(request.id);
    const renew = setInterval(
      () => void this.#store.renewLease(lease, token, this.#ttl).catch(() => undefined),
      Math.max(50, this.#ttl / 3),
    );
    renew.unref();
    let final: ApprovalRequest | undefined;
    // The card shows progress while the call runs, off the call's path; failing to update it must not stop the
    // run, and the final report waits for it so the card never goes back to "running".
    const shown = this.#showCard(executing).catch(() => undefined);
    try {
      final = await this.#run(executing);
    } finally {
      clearInterval(renew);
      this.#running.delete(request.id);
      await this.#store.releaseLease(lease, token).catch(() => undefined);
    }
    await shown;
    if (!final) return undefined;
    await this.#store.appendAudit({
      request_id: final.id,
      event: final.state === 'succeeded' ? 'executed' : 'failed',
      at: this.#now(),
      operation: final.operation,
      input: final.input,
      detail: (final.state === 'succeeded' ? final.result : final.error) ?? null,
      openai_request_id: final.openai_request_id,
    });
    await this.#report(final);
    return final;
  }

  /**
   * Parses the stored input again with the operation's schema as it is now and runs the operation with what that
   * gives, recording the outcome; input the schema no longer accepts fails the request, and nothing is sent. A
   * result that arrives after another replica gave the request up as `outcome_unknown` (this one could not renew its
   * lease in time) still corrects the record.
   */
  async #run(request: ApprovalRequest): Promise<ApprovalRequest | undefined> {
    const settled = ['executing', 'outcome_unknown'] as const;
    try {
      const operation = this.#operations.find((op) => op.name === request.operation);
      if (!operation) throw new Error(`This bot no longer knows the operation ${request.operation}.`);
      // What was stored runs only if the operation, as it is now, still accepts it; otherwise the request fails.
      const input = reparseStored(operation, request.input);
      const reply = await runOperation(operation, this.#deps, input, this.#requester(request));
      const dryRun = reply.dryRun ? { dry_run: reply.dryRun } : {};
      return await this.#store.transition(request.id, settled, 'succeeded', {
        result: { title: reply.title, notes: reply.notes ?? [], ...dryRun } as JsonObject,
        openai_request_id: reply.requestId ?? null,
      });
    } catch (error) {
      const text = describeError(error);
      return this.#store.transition(request.id, settled, 'failed', {
        error: { message: text.message, request_id: text.requestId ?? null },
        openai_request_id: text.requestId ?? null,
      });
    }
  }

  #requester(request: ApprovalRequest): Actor {
    return {
      userId: request.requester_id,
      source: request.requester_source,
      requestId: request.id,
      ...(request.channel_id ? { channelId: request.channel_id } : {}),
    };
  }

  /**
   * Finds requests left `executing` by a run that stopped renewing its lease (its replica died) and marks them
   * `outcome_unknown`; resumes requests left `approved` before execution began, which is safe because nothing
   * was sent yet. Only leases expired by the database's clock are claimed.
   */
  async recover(staleApprovedMs = 30_000): Promise<void> {
    for (const request of await this.#store.listByState(['executing'])) {
      if (this.#running.has(request.id)) continue;
      const lease = leaseName(request.id);
      const token = newToken('recovery');
      if (!(await this.#store.acquireLease(lease, token, this.#ttl))) continue;
      let unknown: ApprovalRequest | undefined;
      try {
        unknown = await this.#store.transition(request.id, 'executing', 'outcome_unknown');
      } finally {
        await this.#store.releaseLease(lease, token);
      }
      if (!unknown) continue;
      await this.#store.appendAudit({
        request_id: unknown.id,
        event: 'outcome_unknown',
        at: this.#now(),
        operation: unknown.operation,
        input: unknown.input,
      });
      await this.#report(unknown);
    }
    for (const request of await this.#store.listByState(['approved'])) {
      if ((request.decided_at ?? 0) + staleApprovedMs <= this.#now()) await this.execute(request);
    }
  }

  async #showCard(request: ApprovalRequest): Promise<void> {
    await this.#notifier.updateCard({ request, votes: await this.#store.listApprovals(request.id) });
  }

  async #report(request: ApprovalRequest): Promise<void> {
    const card = { request, votes: await this.#store.listApprovals(request.id) };
    await this.#notifier.updateCard(card);
    await this.#notifier.tellRequester(card);
  }
}
