import type { z } from 'zod';
import type { Actor } from '../actor.js';
import type { OperationDeps } from '../ports.js';
import type { Reply } from '../reply.js';

/** `read` runs at once for viewers; `write` runs at once for admins; `destructive` waits for approval. */
export type Risk = 'read' | 'write' | 'destructive';

/** Who approves one particular request, when an operation routes requests by their input (e.g. by project). */
export interface ApprovalRoute {
  approverRole?: 'admin' | 'approver' | 'viewer';
  approvals?: number;
}

/** One argument of an operation, as typed after the command words. */
export interface ArgSpec {
  /** Key in the operation's input object. */
  readonly name: string;
  /** `positional` args are taken in order; `flag` args are written `--name value` or `--name=value`. */
  readonly kind: 'positional' | 'flag';
  /** How the value is shown in the usage line, e.g. `<email>` or `reader|owner`. */
  readonly placeholder: string;
  readonly optional?: boolean;
  /** A flag may be given several times; a last positional takes every remaining word. The input receives an array. */
  readonly repeatable?: boolean;
  /** A flag without a value; the input receives `true`. */
  readonly boolean?: boolean;
  readonly help?: string;
  /**
   * What kind of value the argument takes, so a form can offer a fitting input: `project` and `user` are
   * picked from the organization (the value is a project id, or a member's email or user id), `email` is an
   * address (not necessarily a member), `select` is one of `choices`, `number` and `date` (`YYYY-MM-DD`)
   * are typed values, `long-text` is text of several lines pasted whole (a PEM certificate). Default: free text.
   */
  readonly input?: 'text' | 'long-text' | 'project' | 'user' | 'email' | 'select' | 'number' | 'date';
  /** The values the argument accepts, in the order to offer them; implies `input: 'select'`. */
  readonly choices?: readonly string[];
  /**
   * Optional flags sharing this key are alternatives of which one is given (the input schema checks that):
   * the usage line shows them together, e.g. `(--user <user> | --group <group>)`.
   */
  readonly either?: string;
}

/**
 * One admin operation, defined once. The parser, help, modals, approval cards, CLI and audit trail are all
 * derived from this definition.
 */
export interface Operation<I, R = I> {
  /** Stable id used in the store and audit trail, e.g. `invites.create`. */
  readonly name: string;
  /** The command words that select it, e.g. `['invite']` or `['users', 'list']`. */
  readonly words: readonly string[];
  /** Other word sequences that select it, e.g. `[['invites', 'create']]`. */
  readonly aliases?: readonly (readonly string[])[];
  /** One line for help. */
  readonly summary: string;
  readonly args: readonly ArgSpec[];
  /** Exactly what people type: one key for each argument, validated before anything else happens. */
  readonly input: z.ZodType<I>;
  /**
   * What `resolve` looked up (ids, names, current values) next to what was typed. An approval request stores this
   * value, and it is checked again with this schema before it runs; without it the resolved value is the input.
   */
  readonly resolved?: z.ZodType<R>;
  readonly risk: Risk;
  /**
   * Usually takes a while (reports over many days, the audit log, whole-organization listings), so a chat client
   * should show that it is working before the answer arrives.
   */
  readonly slow?: boolean;
  /**
   * Typed without arguments in chat, the command opens the operation's form instead of asking for them: for input
   * that is awkward to type on one line, such as a PEM certificate.
   */
  readonly opensForm?: boolean;
  /**
   * `everyone`: any workspace member may ask, whatever their role, and the request always waits for approval
   * (self-service requests); by default the policy's roles decide.
   */
  readonly audience?: 'everyone';
  /** Approval routing read from the resolved input (e.g. per project), over the policy's rule for the operation. */
  readonly route?: (deps: OperationDeps, input: R) => Promise<ApprovalRoute>;
  /**
   * Turns names into ids (a project name into its id, an email into a user id) before the operation is
   * authorised, shown for approval or run, so an approver sees exactly what will change.
   */
  readonly resolve?: (deps: OperationDeps, input: I, actor: Actor) => Promise<R>;
  /**
   * Extra lines for an approval card, read live before the request is filed: for a change, the current value
   * and the new one (e.g. `Models added: o3`), so approvers see before and after.
   */
  readonly preview?: (deps: OperationDeps, input: R) => Promise<string[]>;
  /** What running it will change, in plain words, from the resolved value. */
  readonly describe: (input: R) => string;
  readonly run: (deps: OperationDeps, input: R, actor: Actor) => Promise<Reply>;
}

/** Any operation, with its input types erased so operations can share one registry. */
export type AnyOperation = Operation<unknown, unknown>;

/**
 * Declares an operation with its input type inferred from the zod schema, and the type `resolve` gives from the
 * `resolved` schema (the input's own type when there is none).
 */
export function defineOperation<S extends z.ZodType, RS extends z.ZodType = S>(
  operation: Operation<z.output<S>, z.output<RS>> & { input: S; resolved?: RS },
): AnyOperation {
  return operation as unknown as AnyOperation;
}

/** The schema a stored resolved value is checked with: `resolved` when the operation looks things up, else `input`. */
export function storedSchemaOf(operation: AnyOperation): z.ZodType {
  return operation.resolved ?? operation.input;
}

/** The usage line, e.g. `/openai invite <email> [reader|owner] [--project <project>:<role>]…`. */
export function usageOf(operation: AnyOperation): string {
  const shown = (arg: ArgSpec) => {
    const flag = arg.name.replace(/_/g, '-');
    const text = arg.kind === 'flag' ? `--${flag}${arg.boolean ? '' : ` ${arg.placeholder}`}` : arg.placeholder;
    return arg.repeatable ? `${text}…` : text;
  };
  const parts = operation.args.flatMap((arg, index) => {
    if (arg.either === undefined) return [arg.optional ? `[${shown(arg)}]` : shown(arg)];
    const group = operation.args.filter((other) => other.either === arg.either);
    if (operation.args.indexOf(group[0] as ArgSpec) !== index) return [];
    return [`(${group.map(shown).join(' | ')})`];
  });
  return ['/openai', ...operation.words, ...parts].join(' ');
}
