import type { z } from 'zod';
import { UsageError } from '../../errors.js';
import type { CommandText, Token } from '../command-text.js';
import { echo } from '../echo.js';
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
      throw new UsageError(`Unknown option --${echo(name)}.${hint ? ` Did you mean --${hint}?` : ''}`, usage);
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
  const variadic = positionals.at(-1)?.repeatable === true;
  if (!variadic && positionalTokens.length > positionals.length) {
    const extra = positionalTokens.slice(positionals.length).map((t) => t.raw);
    const shown = echo(extra.join(' '));
    throw new UsageError(`Unexpected ${extra.length === 1 ? 'argument' : 'arguments'}: ${shown}.`, usage);
  }
  positionalTokens.forEach((token, i) => {
    const arg = positionals[i];
    if (arg?.repeatable) raw[arg.name] = positionalTokens.slice(i).map(tokenText);
    else if (arg) raw[arg.name] = tokenText(token);
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

/** Form values by argument name: text, the picks of a multi-select, or a checkbox. */
export type FormFields = Record<string, string | readonly string[] | boolean | undefined>;

/**
 * Validates form fields (one value per argument; repeatable ones as a list, or typed one per line; booleans as
 * true/false) with the operation's schema, reporting errors per argument so a form can show them inline.
 */
export function bindFields(operation: AnyOperation, fields: FormFields): FieldsResult {
  const raw: Record<string, unknown> = {};
  for (const arg of operation.args) {
    const value = fields[arg.name];
    if (value === undefined || value === '') continue;
    if (arg.boolean) raw[arg.name] = value === true || value === 'true';
    else if (arg.repeatable) {
      const list = typeof value === 'string' ? value.split('\n') : Array.isArray(value) ? value : [String(value)];
      const items = list.map((v) => v.trim()).filter(Boolean);
      if (items.length > 0) raw[arg.name] = items;
    } else raw[arg.name] = (Array.isArray(value) ? (value[0] ?? '') : String(value)).trim();
  }
  const parsed = operation.input.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  const names = operation.args.map((arg) => arg.name);
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const first = String(issue.path[0] ?? '');
    // Issues on derived fields or on the whole input are shown on the first field.
    const key = names.includes(first) ? first : (names[0] ?? 'form');
    const missing = raw[key] === undefined && /^(Invalid input|Required)/i.test(issue.message);
    errors[key] ??= missing ? 'This field is required.' : issue.message;
  }
  return { ok: false, errors };
}
