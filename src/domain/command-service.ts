import { UsageError } from '../errors.js';
import type { Actor } from './actor.js';
import { MAX_COMMAND_CHARS, parseCommandText } from './command-text.js';
import { echo } from './echo.js';
import { type HelpEntry, helpEntries } from './help.js';
import type { JsonObject } from './json.js';
import { exportListing, type PageRunner } from './listing-export.js';
import { bindInput, validate } from './operations/bind.js';
import { commandPhrases, matchOperation } from './operations/match.js';
import { type AnyOperation, usageOf } from './operations/operation.js';
import { runOperation } from './operations/run-operation.js';
import type { EffectiveRule, Policy } from './policy/policy.js';
import type { OperationDeps } from './ports.js';
import type { Reply, ReplyMore } from './reply.js';
import { closestMatch } from './suggest.js';

/** Files an operation the policy says needs approval, instead of running it. */
export interface ApprovalGateway {
  request(
    actor: Actor,
    operation: AnyOperation,
    input: unknown,
    reason: string | undefined,
    rule: EffectiveRule,
  ): Promise<Reply>;
}

export type CommandOutcome =
  | { kind: 'picker' }
  /** The operation takes its input in a form (`opensForm`), which a chat surface opens. */
  | { kind: 'form'; operation: AnyOperation }
  | { kind: 'help'; entries: HelpEntry[]; topic?: string }
  | { kind: 'reply'; reply: Reply; operation: AnyOperation };

/** What a caller of `handle` may learn as the command proceeds. */
export interface CommandProgress {
  /** The command named a valid operation and its input; it is about to be authorised and run. */
  starting?(operation: AnyOperation): Promise<void>;
}

export interface CommandServiceDeps {
  operations: readonly AnyOperation[];
  policy: Policy;
  operationDeps: OperationDeps;
  approvals?: ApprovalGateway;
}

const GENERAL_USAGE = '/openai <resource> <action> [args] [--flag value]; /openai help lists every command';

/** Turns the text of a slash command (or CLI arguments) into one operation, authorised and run. */
export class CommandService {
  readonly #deps: CommandServiceDeps;

  constructor(deps: CommandServiceDeps) {
    this.#deps = deps;
  }

  /** Parses, authorises and runs a command; throws UsageError, ForbiddenError or an Admin API error. */
  async handle(actor: Actor, text: string, progress: CommandProgress = {}): Promise<CommandOutcome> {
    if (text.length > MAX_COMMAND_CHARS) {
      throw new UsageError(
        `The command is too long: ${text.length.toLocaleString('en-US')} characters, and a command may have at most ` +
          `${MAX_COMMAND_CHARS.toLocaleString('en-US')}. Nothing was run.`,
        GENERAL_USAGE,
      );
    }
    const parsed = parseCommandText(text);
    if (!parsed.ok) throw new UsageError(parsed.error, GENERAL_USAGE);
    const { words, flags } = parsed.value;
    if (words.length === 0 && flags.size === 0) return { kind: 'picker' };
    const first = words[0];
    if (first?.kind === 'word' && first.value.toLowerCase() === 'help') {
      const topic = words[1]?.value;
      return { kind: 'help', entries: helpEntries(this.#deps.operations, topic), ...(topic ? { topic } : {}) };
    }
    const match = matchOperation(this.#deps.operations, words);
    if (!match) throw this.#unknownCommand(words.map((w) => w.raw));
    const { operation } = match;
    const reasonTokens = flags.get('reason');
    const reason = reasonTokens?.map((t) => t.value).join(' ') || undefined;
    const operationFlags = new Map(flags);
    operationFlags.delete('reason');
    const rest = words.slice(match.consumed);
    if (operation.opensForm && actor.source !== 'cli' && rest.length === 0 && operationFlags.size === 0) {
      // Whoever may not run it is told so now, not after filling in the form.
      await this.#deps.policy.assertMayRun(actor, operation.risk, operation.name, {
        everyone: operation.audience === 'everyone',
      });
      return { kind: 'form', operation };
    }
    const input = bindInput(operation, rest, operationFlags);
    await progress.starting?.(operation);
    const reply = await this.run(actor, operation, input, reason);
    // A read listing can be produced again from its input, e.g. whole as a file.
    const listing = operation.risk === 'read' && reply.items ? { operation: operation.name, input } : undefined;
    return { kind: 'reply', reply: listing ? { ...reply, listing: listing as ReplyMore } : reply, operation };
  }

  /**
   * Fetches the next page a reply offered (`Reply.more`). Only read operations page; the input is validated
   * again and the person asking is authorised again, exactly as if they had typed the command.
   */
  async more(actor: Actor, operationName: string, input: unknown): Promise<Reply> {
    const operation = this.#deps.operations.find((op) => op.name === operationName);
    if (operation?.risk !== 'read') {
      throw new UsageError('This button no longer works; run the command again.');
    }
    const valid = validate(operation.input, input, usageOf(operation));
    const reply = await this.run(actor, operation, valid);
    return reply.items
      ? { ...reply, listing: { operation: operationName, input: input as Record<string, unknown> } }
      : reply;
  }

  /** Sends the whole listing a reply came from to the person asking, as a CSV file. */
  exportListing(actor: Actor, operationName: string, input: unknown): Promise<Reply> {
    const runPage: PageRunner = (who, page) => this.more(who, page.operation, page.input);
    return exportListing(this.#deps.operationDeps, runPage, actor, {
      operation: operationName,
      input: input as Record<string, unknown>,
    });
  }

  /** Authorises and runs an operation whose input is already validated (used by modals and the CLI too). */
  async run(actor: Actor, operation: AnyOperation, input: unknown, reason?: string): Promise<Reply> {
    const everyone = operation.audience === 'everyone';
    const allowed = await this.#deps.policy.assertMayRun(actor, operation.risk, operation.name, { everyone });
    const resolved = operation.resolve ? await operation.resolve(this.#deps.operationDeps, input, actor) : input;
    const route = operation.route ? await operation.route(this.#deps.operationDeps, resolved) : {};
    const rule: EffectiveRule = {
      ...allowed,
      ...(route.approverRole ? { approverRole: route.approverRole } : {}),
      ...(route.approvals ? { approvals: route.approvals } : {}),
      // What anyone may ask for themselves is never given without someone else's approval.
      requireApproval: allowed.requireApproval || everyone,
    };
    if (rule.requireApproval) {
      if (!this.#deps.approvals)
        throw new UsageError(`${operation.name} needs an approval, and approvals are not set up.`);
      return this.#deps.approvals.request(actor, operation, resolved, reason, rule);
    }
    const reply = await runOperation(operation, this.#deps.operationDeps, resolved, actor);
    if (operation.risk !== 'read') await this.#auditDirect(actor, operation, resolved, reply);
    return reply;
  }

  async #auditDirect(actor: Actor, operation: AnyOperation, input: unknown, reply: Reply): Promise<void> {
    await this.#deps.operationDeps.store.appendAudit({
      event: actor.source === 'cli' ? 'cli' : operation.risk,
      actor_id: actor.userId,
      at: this.#deps.operationDeps.now().getTime(),
      operation: operation.name,
      input: input as JsonObject,
      detail: { title: reply.title, ...(reply.dryRun ? { dry_run: reply.dryRun } : {}) },
      openai_request_id: reply.requestId ?? null,
    });
  }

  #unknownCommand(raw: string[]): UsageError {
    const phrases = commandPhrases(this.#deps.operations);
    const typed = raw.slice(0, 2).join(' ');
    const resource = raw[0]?.toLowerCase() ?? '';
    const shown = echo(typed);
    const sameResource = phrases.filter((p) => p.split(' ')[0] === resource && p.includes(' '));
    if (sameResource.length > 0) {
      return new UsageError(
        `"${shown}" is not a command. ${resource} takes: ${sameResource.join(', ')}.`,
        GENERAL_USAGE,
      );
    }
    const hint = closestMatch(typed, phrases) ?? closestMatch(resource, phrases);
    return new UsageError(`Unknown command "${shown}".${hint ? ` Did you mean "${hint}"?` : ''}`, GENERAL_USAGE);
  }
}
