import type { ApprovalExecutor } from './approval-executor.js';
import type { ApprovalService } from './approval-service.js';

export interface SweeperOptions {
  intervalMs?: number;
  onError?: (error: unknown) => void;
  /** Deletes new key values nobody revealed in time (`store.purgeSecrets`). */
  purgeSecrets?: () => Promise<unknown>;
}

/**
 * Runs on every replica: expires overdue requests, completes requests whose votes are already enough, reports
 * interrupted executions and resumes approved ones.
 * Each step is a compare-and-set, so replicas sweeping at the same time never act twice.
 */
export class ApprovalSweeper {
  readonly #service: ApprovalService;
  readonly #executor: ApprovalExecutor;
  readonly #options: SweeperOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(service: ApprovalService, executor: ApprovalExecutor, options: SweeperOptions = {}) {
    this.#service = service;
    this.#executor = executor;
    this.#options = options;
  }

  /** One pass; concurrent calls share the pass in progress. */
  sweep(): Promise<void> {
    this.#running ??= (async () => {
      try {
        await this.#service.expireOverdue();
        await this.#service.completeApprovable();
        await this.#executor.recover();
        await this.#options.purgeSecrets?.();
      } catch (error) {
        this.#options.onError?.(error);
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  start(): void {
    void this.sweep();
    this.#timer = setInterval(() => void this.sweep(), this.#options.intervalMs ?? 30_000);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }
}
