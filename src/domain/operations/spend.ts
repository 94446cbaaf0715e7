import { z } from 'zod';
import { UsageError } from '../../errors.js';
import { monthOf, parseMonthKey } from '../digests/calendar.js';
import { digestLines, digestTitle } from '../digests/digest-text.js';
import { buildDigest } from '../digests/spend-digest.js';
import { fetchSpendSnapshot } from '../digests/spend-snapshot.js';
import { resolveProjects } from '../resolve.js';
import { defineOperation } from './operation.js';

const month = z
  .string()
  .trim()
  .refine((text) => parseMonthKey(text) !== undefined, {
    error: (issue) => `"${String(issue.input)}" is not a month; use YYYY-MM, e.g. 2026-03.`,
  });

const digestTyped = z.object({
  project: z.array(z.string().trim().min(1)).default([]),
  month: month.optional(),
});

export const spendDigest = defineOperation({
  name: 'spend.digest',
  words: ['spend'],
  summary: 'Spend digest now, in this channel: month to date per project against its spend alerts, forecast, movers',
  args: [
    {
      name: 'project',
      kind: 'flag',
      placeholder: '<project_id|name>',
      optional: true,
      repeatable: true,
      input: 'project',
      help: 'only this project',
    },
    { name: 'month', kind: 'flag', placeholder: 'YYYY-MM', optional: true, help: 'a past month instead of this one' },
  ],
  input: digestTyped,
  /** The projects named, looked up; `projectIds` null means the whole organization. */
  resolved: digestTyped.extend({
    projectIds: z.array(z.string()).nullable().default(null),
    projectNames: z.array(z.string()).default([]),
  }),
  risk: 'read',
  slow: true,
  async resolve(deps, input) {
    if (input.month) {
      const wanted = parseMonthKey(input.month);
      const current = monthOf(deps.now().getTime());
      if (wanted && wanted.start > current.start) {
        throw new UsageError(`${input.month} has not started yet; the latest month is ${current.key}.`);
      }
    }
    if (input.project.length === 0) return { ...input, projectIds: null, projectNames: [] };
    return { ...input, ...(await resolveProjects(deps.admin, input.project)) };
  },
  describe: (input) =>
    `Show the spend digest for ${input.month ?? 'this month'}` +
    (input.projectNames.length ? ` of ${input.projectNames.join(', ')}` : ' of the organization'),
  async run(deps, input) {
    const snapshot = await fetchSpendSnapshot(deps.admin, {
      now: deps.now(),
      ...(input.month ? { month: parseMonthKey(input.month) } : {}),
      ...(input.projectIds ? { projectIds: input.projectIds } : {}),
    });
    const digest = buildDigest(snapshot, { projectIds: input.projectIds });
    return { title: digestTitle(digest), notes: digestLines(digest), visibility: 'channel', digest };
  },
});
