import { randomBytes } from 'node:crypto';
import { describeError } from '../../error-text.js';
import type { ApprovalRequest, JsonObject, Store } from '../../storage/store.js';
import type { AnyOperation } from '../operations/operation.js';
import type { OperationDeps } from '../ports.js';
import type { ApprovalNotifier } from './ports.js';

export interface ExecutorOptions {
  /** How long an execution lease lives without renewal; a crashed executor is detected after this. */
  leaseTtlMs?: number;
}

const leaseName = (requestId: string) => `execution:${requestId}`;

/**
 * Runs approved requests exactly once. `approved → executing` is a compare-and-set, and the executing replica
 * holds a renewed lease; a request whose executor's lease lapsed is reported as `outcome_unknown`, never re-run.
 */
export class ApprovalExecutor {
  readonly #operations: readonly AnyOperation[];
  readonly #deps: OperationDeps;
  readonly #notifier: ApprovalNotifier;
  readonly #ttl: number;
  /** This process; distinguishes its executions from other replicas'. */
  readonly instanceId = `replica_${randomBytes(6).toString('hex')}`;

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
  }

  get #store(): Store {
    return this.#deps.store;
  }

  #now(): number {
    return Date.now();
  }

  /** Claims and runs an approved request; returns its final row, or undefined when another replica has it. */
  async execute(request: ApprovalRequest): Promise<ApprovalRequest | undefined> {
    const operation = this.#operations.find((op) => op.name === request.operation);
    if (!(await this.#store.acquireLease(leaseName(request.id), this.instanceId, this.#now(), this.#ttl)))
      return undefined;
    const executing = await this.#store.transition(request.id, 'approved', 'executing');
    if (!executing) {
      await this.#store.releaseLease(leaseName(request.id), this.instanceId);
      return undefined;
    }
    const renew = setInterval(
      () => {
        this.#store.acquireLease(leaseName(request.id), this.instanceId, this.#now(), this.#ttl).catch(() => undefined);
      },
      Math.max(50, this.#ttl / 3),
    );
    renew.unref();
    await this.#notifier.updateCard({ request: executing, votes: await this.#store.listApprovals(request.id) });
    let final: ApprovalRequest | undefined;
    try {
      if (!operation) throw new Error(`This bot no longer knows the operation ${request.operation}.`);
      const requester = {
        userId: request.requester_id,
        source: 'slack' as const,
        requestId: request.id,
        ...(request.channel_id ? { channelId: request.channel_id } : {}),
      };
      const reply = await operation.run(this.#deps, request.input, requester);
      final = await this.#store.transition(request.id, 'executing', 'succeeded', {
        result: { title: reply.title, notes: reply.notes ?? [] } as JsonObject,
        openai_request_id: reply.requestId ?? null,
      });
    } catch (error) {
      const text = describeError(error);
      final = await this.#store.transition(request.id, 'executing', 'failed', {
        error: { message: text.message, request_id: text.requestId ?? null },
        openai_request_id: text.requestId ?? null,
      });
    } finally {
      clearInterval(renew);
    }
    await this.#store.releaseLease(leaseName(request.id), this.instanceId);
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
   * Finds requests left `executing` by a replica that died (its lease lapsed) and marks them `outcome_unknown`;
   * resumes requests left `approved` before execution began, which is safe because nothing was sent yet.
   */
  async recover(staleApprovedMs = 30_000): Promise<void> {
    for (const request of await this.#store.listByState(['executing'])) {
      if (!(await this.#store.acquireLease(leaseName(request.id), this.instanceId, this.#now(), this.#ttl))) continue;
      const unknown = await this.#store.transition(request.id, 'executing', 'outcome_unknown');
      await this.#store.releaseLease(leaseName(request.id), this.instanceId);
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

  async #report(request: ApprovalRequest): Promise<void> {
    const card = { request, votes: await this.#store.listApprovals(request.id) };
    await this.#notifier.updateCard(card);
    await this.#notifier.tellRequester(card);
  }
}
