import type { z } from 'zod';
import { UsageError } from '../../errors.js';
import type { CommandText, Token } from '../command-text.js';
import { closestMatch } from '../suggest.js';
import { type AnyOperation, usageOf } from './operation.js';

const tokenText = (token: Token): string => {
  switch (token.kind) {
    case 'user':
      return `<@${token.value}>`;
    case 'channel':
      return `<#${token.value}>`;
    case 'usergroup':
      return `<!subteam^${token.value}>`;
    default:
      return token.value;
  }
};

const flagName = (name: string) => name.replace(/_/g, '-');

/**
 * Maps the words after the command and its flags onto the operation's input object and validates it with
 * the operation's schema. Throws UsageError naming exactly what was wrong, with the usage line.
 */
export function bindInput(operation: AnyOperation, words: readonly Token[], flags: CommandText['flags']): unknown {
  const usage = usageOf(operation);
  const raw: Record<string, unknown> = {};
  const flagArgs = operation.args.filter((arg) => arg.kind === 'flag');
  // The parser cannot know which flags take no value, so `--archived foo` arrives with `foo` as its value.
  const positionalTokens = [...words];
  for (const [name, values] of flags) {
    const arg = flagArgs.find((candidate) => flagName(candidate.name) === name || candidate.name === name);
    if (!arg) {
      const hint = closestMatch(
        name,
        flagArgs.map((a) => flagName(a.name)),
      );
      throw new UsageError(`Unknown option --${name}.${hint ? ` Did you mean --${hint}?` : ''}`, usage);
    }
    if (arg.boolean) {
      raw[arg.name] = true;
      positionalTokens.push(...values);
    } else if (values.length === 0) {
      throw new UsageError(`--${name} needs a value: --${name} ${arg.placeholder}.`, usage);
    } else if (arg.repeatable) {
      raw[arg.name] = values.map(tokenText);
    } else if (values.length > 1) {
      throw new UsageError(`--${name} may be given only once.`, usage);
    } else {
      raw[arg.name] = tokenText(values[0] as Token);
    }
  }
  const positionals = operation.args.filter((arg) => arg.kind === 'positional');
  if (positionalTokens.length > positionals.length) {
    const extra = positionalTokens.slice(positionals.length).map((t) => t.raw);
    throw new UsageError(`Unexpected ${extra.length === 1 ? 'argument' : 'arguments'}: ${extra.join(' ')}.`, usage);
  }
  positionalTokens.forEach((token, i) => {
    const arg = positionals[i];
    if (arg) raw[arg.name] = tokenText(token);
  });
  const missing = positionals.slice(positionalTokens.length).find((arg) => !arg.optional);
  if (missing) throw new UsageError(`Missing ${missing.placeholder}.`, usage);
  return validate(operation.input, raw, usage);
}

/** Validates raw input with a schema, turning the first issue into a UsageError. */
export function validate(schema: z.ZodType, raw: unknown, usage: string): unknown {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.');
  const message = issue?.message ?? 'Invalid input.';
  const generic = issue && /^(Invalid|Required|Expected)/i.test(message);
  throw new UsageError(generic && field ? `${field}: ${message}` : message, usage);
}

export type FieldsResult = { ok: true; input: unknown } | { ok: false; errors: Record<string, string> };

/**
 * Validates form fields (one string per argument; repeatable ones one value per line; booleans as true/false)
 * with the operation's schema, reporting errors per field so a form can show them inline.
 */
export function bindFields(
  operation: AnyOperation,
  fields: Record<string, string | boolean | undefined>,
): FieldsResult {
  const raw: Record<string, unknown> = {};
  for (const arg of operation.args) {
    const value = fields[arg.name];
    if (value === undefined || value === '') continue;
    if (arg.boolean) raw[arg.name] = value === true || value === 'true';
    else if (arg.repeatable)
      raw[arg.name] = String(value)
        .split('\n')
        .map((v) => v.trim())
        .filter(Boolean);
    else raw[arg.name] = String(value).trim();
  }
  const parsed = operation.input.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? operation.args[0]?.name ?? 'form');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
