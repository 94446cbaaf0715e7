import { z } from 'zod';
import type { OperationDeps } from '../ports.js';
import type { ReplyItem } from '../reply.js';

/**
 * A `--by` schema for a report: accepts each choice, also as the API spells it (`line_item`, `api_key_id`,
 * `project_id`), and names the choices when the value is none of them.
 */
export function groupingSchema<C extends string>(choices: readonly C[], what: string, fallback: C) {
  const squash = (text: string) => text.toLowerCase().replace(/[-_\s]/g, '');
  return z
    .string()
    .optional()
    .transform((text, ctx): C => {
      if (text === undefined) return fallback;
      const wanted = squash(text).replace(/id$/, '');
      const match = choices.find((choice) => squash(choice) === wanted);
      if (match) return match;
      ctx.addIssue({
        code: 'custom',
        message: `--by "${text}" is not a way to group ${what}; use ${choices.join(', ')}.`,
      });
      return z.NEVER;
    });
}

/** Project names by id, archived projects included: one walk of the projects list. */
export async function projectNames(deps: OperationDeps): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for await (const project of deps.admin.projects.list({ includeArchived: true })) {
    if (project.name) names.set(project.id, project.name);
  }
  return names;
}

const whole = new Intl.NumberFormat('en-US');

/** Counts with their noun, e.g. `1 request`, `1,234 requests`, `3 more projects`. */
export const plural = (n: number, noun: string): string => `${whole.format(n)} ${noun}${n === 1 ? '' : 's'}`;

/** A share of a total in percent with one decimal, e.g. `42.1%`; tiny shares show as `<0.1%`. */
export function shareText(part: number, total: number): string {
  if (total <= 0) return 'n/a';
  const percent = (part / total) * 100;
  if (percent > 0 && percent < 0.05) return '<0.1%';
  return `${percent.toFixed(1)}%`;
}

/** A report row's label: a name with the id it stands for, or the key alone. */
export interface Labelled {
  title: string;
  id?: string;
}

/** The label of a group key: `none` for the empty key, the name when `names` knows the key, else the key. */
export function labelOf(key: string, none: string, names?: ReadonlyMap<string, string>): Labelled {
  if (key === '') return { title: none };
  const name = names?.get(key);
  return name ? { title: name, id: key } : { title: key };
}

/**
 * Rows sorted by `value`, largest first (ties by title), as reply items with `facts`; the rows past `limit` are
 * folded into the one item `fold` builds from them.
 */
export function rankRows<R extends Labelled>(
  rows: readonly R[],
  options: { value: (row: R) => number; facts: (row: R) => string[]; limit: number; fold: (rest: R[]) => ReplyItem },
): ReplyItem[] {
  const sorted = [...rows].sort((a, b) => options.value(b) - options.value(a) || a.title.localeCompare(b.title));
  const top = sorted.slice(0, options.limit).map((row) => ({
    title: row.title,
    ...(row.id ? { id: row.id } : {}),
    facts: options.facts(row),
  }));
  const rest = sorted.slice(options.limit);
  return rest.length ? [...top, options.fold(rest)] : top;
}
