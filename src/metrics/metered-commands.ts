import type { Actor } from '../domain/actor.js';
import {
  type ApprovalGateway,
  type CommandOutcome,
  type CommandProgress,
  CommandService,
  type CommandServiceDeps,
} from '../domain/command-service.js';
import type { AnyOperation } from '../domain/operations/operation.js';
import type { Reply } from '../domain/reply.js';
import { outcomeOfError } from './command-outcome.js';
import type { Metrics } from './metrics.js';

/**
 * The command service, counting every operation it runs by name and outcome. Commands that fail before an
 * operation is known (a typo, bad quoting) count under `unknown`; help and the picker under their own names.
 */
export class MeteredCommandService extends CommandService {
  readonly #metrics: Metrics;
  /** Errors already counted by `run`, so `handle` does not count them again. */
  readonly #counted = new WeakSet<object>();
  /** Replies that are approval requests rather than results. */
  readonly #filed: WeakSet<Reply>;

  constructor(deps: CommandServiceDeps, metrics: Metrics) {
    const gateway = deps.approvals;
    const filed = new WeakSet<Reply>();
    const approvals: ApprovalGateway | undefined = gateway && {
      request: async (...args) => {
        const reply = await gateway.request(...args);
        filed.add(reply);
        return reply;
      },
    };
    super({ ...deps, ...(approvals ? { approvals } : {}) });
    this.#metrics = metrics;
    this.#filed = filed;
  }

  override async handle(actor: Actor, text: string, progress?: CommandProgress): Promise<CommandOutcome> {
    try {
      const outcome = await super.handle(actor, text, progress);
      if (outcome.kind !== 'reply') this.#metrics.commands.inc({ operation: outcome.kind, outcome: 'ok' });
      return outcome;
    } catch (error) {
      if (!(error instanceof Object && this.#counted.has(error))) {
        this.#metrics.commands.inc({ operation: 'unknown', outcome: outcomeOfError(error) });
      }
      throw error;
    }
  }

  override async run(actor: Actor, operation: AnyOperation, input: unknown, reason?: string): Promise<Reply> {
    try {
      const reply = await super.run(actor, operation, input, reason);
      const outcome = this.#filed.has(reply) ? 'approval_requested' : 'ok';
      this.#metrics.commands.inc({ operation: operation.name, outcome });
      return reply;
    } catch (error) {
      this.#metrics.commands.inc({ operation: operation.name, outcome: outcomeOfError(error) });
      if (error instanceof Object) this.#counted.add(error);
      throw error;
    }
  }
}
