import { z } from 'zod';
import { UsageError } from '../../errors.js';
import type { ArgSpec } from '../operations/operation.js';
import type { OperationDeps } from '../ports.js';
import { resolveProjects } from '../resolve.js';
import { type DayRange, describeDays, isoDay, rangeError, resolveDayRange } from '../time-range.js';
import { groupingWords, type ReportKind } from './report-kind.js';

/** Days a report covers when no range is given: the last 30 UTC days, today included. */
export const DEFAULT_DAYS = 30;
/** The longest range one report reads (about three years), so one command cannot page through decades. */
export const MAX_DAYS = 1_096;
const DEFAULT_ROWS = 25;
const DAY = 86_400;
const MAX_ROWS = 100;

/** `--since`, `--from`, `--to`: the same forms and messages as `/openai audit`, counted in whole UTC days. */
export const dayRangeArgs: readonly ArgSpec[] = [
  { name: 'since', kind: 'flag', placeholder: '<30d|12w>', optional: true, help: 'days back, today included (30d)' },
  { name: 'from', kind: 'flag', placeholder: '<YYYY-MM-DD>', optional: true, input: 'date', help: 'first UTC day' },
  {
    name: 'to',
    kind: 'flag',
    placeholder: '<YYYY-MM-DD>',
    optional: true,
    input: 'date',
    help: 'last UTC day, included',
  },
];

/** `--project`, repeatable: only these projects. */
export const projectsFilterArg: ArgSpec = {
  name: 'project',
  kind: 'flag',
  placeholder: '<project_id|name>',
  optional: true,
  repeatable: true,
  input: 'project',
  help: 'only these projects',
};

/** `--limit`: rows shown before the rest is folded into one. */
export const rowsLimitArg: ArgSpec = {
  name: 'limit',
  kind: 'flag',
  placeholder: '<n>',
  optional: true,
  input: 'number',
  help: `rows shown (default ${DEFAULT_ROWS}, at most ${MAX_ROWS}); the rest are summed into one row`,
};

const rows = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isInteger(n) && n >= 1 && n <= MAX_ROWS) return n;
    ctx.addIssue({ code: 'custom', message: `--limit ${value} is not a whole number from 1 to ${MAX_ROWS}.` });
    return z.NEVER;
  })
  .default(DEFAULT_ROWS);

/** What is typed for a range report: the range, the projects and the rows shown. */
export const reportFields = {
  since: z.string().trim().optional(),
  from: z.string().trim().optional(),
  to: z.string().trim().optional(),
  project: z.array(z.string().trim().min(1)).default([]),
  limit: rows,
};

/** What `resolveReport` looks up: the projects named (none: every project) and the range fixed to UTC days. */
export const reportResolvedFields = {
  projectIds: z.array(z.string()).optional(),
  projectNames: z.array(z.string()).optional(),
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
};

/** Range, projects and rows shared by every report; `projectIds`, `projectNames`, `start`, `end` come from resolve. */
interface RangeInput {
  since?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  project: string[];
  projectIds?: string[] | undefined;
  projectNames?: string[] | undefined;
  start?: number | undefined;
  end?: number | undefined;
}

/** The validated input of a report: the range, the rows, the kind (`--type`) and its grouping (`--by`). */
export interface ReportInput extends RangeInput {
  limit: number;
  type: string;
  by: string;
}

/** Reports the first problem with the range arguments on the argument it concerns (for `superRefine`). */
export function checkRange(input: RangeInput, ctx: z.RefinementCtx): void {
  const problem = rangeError(input);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
}

/** The UTC days of resolved input (or of the arguments, counted from now). */
export function daysOf(deps: OperationDeps, input: RangeInput): DayRange {
  if (input.start !== undefined && input.end !== undefined) {
    return { start: input.start, end: input.end, days: Math.round((input.end - input.start) / DAY) };
  }
  return resolveDayRange(input, deps.now(), DEFAULT_DAYS);
}

/** Fixes the range to UTC days (refusing one that has no days yet or is too long) and resolves `--project`. */
export async function resolveReport<I extends RangeInput>(
  deps: OperationDeps,
  input: I,
): Promise<I & { projectIds?: string[]; projectNames?: string[]; start: number; end: number }> {
  const range = daysOf(deps, input);
  if (range.days <= 0) {
    const today = isoDay(Math.floor(deps.now().getTime() / 1000));
    throw new UsageError(`--from ${input.from} is in the future; the latest day with figures is today, ${today}.`);
  }
  if (range.days > MAX_DAYS) {
    throw new UsageError(`The range covers ${range.days} days; ask for at most ${MAX_DAYS} days (about 3 years).`);
  }
  const projects = input.project.length && !input.projectIds ? await resolveProjects(deps.admin, input.project) : {};
  return { ...input, ...projects, start: range.start, end: range.end };
}

/** The range of (resolved) input in words, e.g. `from 2026-02-14 to 2026-03-15 (30 days, UTC) for Alpha`. */
export function describeReport(input: RangeInput): string {
  const days =
    input.start !== undefined && input.end !== undefined
      ? describeDays({ start: input.start, end: input.end, days: Math.round((input.end - input.start) / DAY) })
      : `over the last ${DEFAULT_DAYS} days`;
  const projects = input.projectNames ?? input.project;
  return projects.length ? `${days} for ${projects.join(', ')}` : days;
}

const squash = (text: string) => text.toLowerCase().replace(/[-_\s]/g, '');

/** The kind `--type` names, also as the API spells it (`code_interpreter_sessions`); the first when not given. */
function kindOf(kinds: readonly ReportKind[], text: string | undefined): ReportKind | undefined {
  if (text === undefined) return kinds[0];
  const wanted = squash(text);
  return kinds.find((kind) => squash(kind.type) === wanted || squash(kind.endpoint) === wanted);
}

/** The `--by` word meant, also as the API spells it (`api_key_id`); the kind's first when not given. */
function groupingOf(kind: ReportKind, text: string | undefined): string | undefined {
  const words = groupingWords(kind);
  if (text === undefined) return words[0];
  const wanted = squash(text).replace(/id$/, '');
  return words.find((word) => squash(word) === wanted || squash(kind.groupings[word]?.field ?? '') === squash(text));
}

/**
 * The input schema of a report over one kind (costs) or several (usage, chosen with `--type`): the range, the
 * projects, the rows shown, and a `--by` the chosen kind supports, or a message naming the ones it does.
 */
export function reportSchema(kinds: readonly ReportKind[]) {
  return kindChecked(kinds, z.object({ ...reportFields, ...kindFieldsOf(kinds) }));
}

/** The resolved value of a report: its input and what `resolveReport` looked up, checked the same way. */
export function reportResolvedSchema(kinds: readonly ReportKind[]) {
  return kindChecked(kinds, z.object({ ...reportFields, ...kindFieldsOf(kinds), ...reportResolvedFields }));
}

/** `--by`, and `--type` when there are several kinds to choose from (one kind needs no choosing). */
const kindFieldsOf = (kinds: readonly ReportKind[]) => ({
  ...(kinds.length > 1 ? { type: z.string().trim().optional() } : {}),
  by: z.string().trim().optional(),
});

function kindChecked<S extends z.ZodType<RangeInput & { type?: unknown; by?: string | undefined }>>(
  kinds: readonly ReportKind[],
  schema: S,
) {
  return schema.superRefine(checkRange).transform((input, ctx) => {
    const kind = kindOf(kinds, typeof input.type === 'string' ? input.type : undefined);
    if (!kind) {
      const types = kinds.map((k) => k.type).join(', ');
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: `--type "${input.type}" is not a kind of usage; use ${types}.`,
      });
      return z.NEVER;
    }
    const by = groupingOf(kind, input.by);
    if (!by) {
      const message = `--by "${input.by}" is not a way to group ${kind.what}; use ${groupingWords(kind).join(', ')}.`;
      ctx.addIssue({ code: 'custom', path: ['by'], message });
      return z.NEVER;
    }
    return { ...input, type: kind.type, by };
  });
}

/** The kind of a validated report input. */
export const kindNamed = (kinds: readonly ReportKind[], type: string): ReportKind =>
  kinds.find((kind) => kind.type === type) ?? (kinds[0] as ReportKind);
