import type { OperationDeps } from '../ports.js';
import type { ReplyItem } from '../reply.js';
import type { Grouping } from './report-kind.js';

/** Project names by id, archived projects included: one walk of the projects list. */
async function projectNames(deps: OperationDeps): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for await (const project of deps.admin.projects.list({ includeArchived: true })) {
    if (project.name) names.set(project.id, project.name);
  }
  return names;
}

/** Users' emails by user id: one walk of the organization's users. */
async function userEmails(deps: OperationDeps): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for await (const user of deps.admin.users.list()) {
    if (user.email) names.set(user.id, user.email);
  }
  return names;
}

/** The names rows of a grouping are labelled with (none when its keys are shown as they are). */
export function namesOf(deps: OperationDeps, names: Grouping['names']): Promise<ReadonlyMap<string, string>> {
  if (names === 'projects') return projectNames(deps);
  if (names === 'users') return userEmails(deps);
  return Promise.resolve(new Map());
}

/** A report row's label: a name with the id it stands for, or the key alone. */
export interface Labelled {
  title: string;
  id?: string;
}

/**
 * The label of a group key: the grouping's `none` for the empty key, its `label` for keys that are values (batch),
 * the name when `names` knows the key (with the key as its id), else the key.
 */
export function labelOf(key: string, grouping: Grouping, names: ReadonlyMap<string, string>): Labelled {
  if (key === '') return { title: grouping.none };
  if (grouping.label) return { title: grouping.label(key) };
  const name = names.get(key);
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
