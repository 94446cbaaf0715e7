import { z } from 'zod';
import type { CompletionsGroupBy } from '../../openai-admin/resources/usage.js';
import type { OperationDeps } from '../ports.js';
import type { DayRange } from '../time-range.js';
import { defineOperation } from './operation.js';
import {
  checkRange,
  dayRangeArgs,
  daysOf,
  describeReport,
  projectsFilterArg,
  reportFields,
  resolveReport,
  rowsLimitArg,
} from './report-range.js';
import { groupingSchema, type Labelled, labelOf, plural, projectNames, rankRows, shareText } from './report-rows.js';

/** What `--by` accepts and the API's `group_by` value for each, with the words rows are labelled with. */
const GROUPINGS = {
  model: { field: 'model', noun: 'model', none: '(no model)' },
  project: { field: 'project_id', noun: 'project', none: '(no project)' },
  'api-key': { field: 'api_key_id', noun: 'API key', none: '(no API key)' },
} as const satisfies Record<string, { field: CompletionsGroupBy; noun: string; none: string }>;
type Grouping = keyof typeof GROUPINGS;
const CHOICES = Object.keys(GROUPINGS) as Grouping[];

interface Counts {
  input: number;
  cached: number;
  output: number;
  requests: number;
}
type UsageGroup = Counts & Labelled;

const count = new Intl.NumberFormat('en-US');
const tokens = (counts: Counts) => counts.input + counts.output;
const addCounts = (rows: readonly Counts[]): Counts =>
  rows.reduce(
    (sum, row) => ({
      input: sum.input + row.input,
      cached: sum.cached + row.cached,
      output: sum.output + row.output,
      requests: sum.requests + row.requests,
    }),
    { input: 0, cached: 0, output: 0, requests: 0 },
  );

/** Sums every daily bucket of the range per group key (`''` for usage the API reports without one). */
async function sumUsage(deps: OperationDeps, range: DayRange, by: Grouping, projectIds: readonly string[]) {
  const field = GROUPINGS[by].field;
  const sums = new Map<string, Counts>();
  const buckets = deps.admin.usage.completions({
    startTime: range.start,
    endTime: range.end,
    groupBy: [field],
    projectIds,
  });
  for await (const bucket of buckets) {
    for (const result of bucket.results) {
      const key = result[field] ?? '';
      const row = { input: result.input_tokens, cached: result.input_cached_tokens ?? 0, output: result.output_tokens };
      sums.set(key, addCounts([sums.get(key) ?? addCounts([]), { ...row, requests: result.num_model_requests }]));
    }
  }
  return sums;
}

export const usageReport = defineOperation({
  name: 'usage.completions',
  words: ['usage'],
  aliases: [['usage', 'completions']],
  summary: 'Completions tokens and requests over a range (default the last 30 days) by model, project or API key',
  args: [
    ...dayRangeArgs,
    { name: 'by', kind: 'flag', placeholder: CHOICES.join('|'), optional: true, choices: CHOICES, help: 'grouping' },
    projectsFilterArg,
    rowsLimitArg,
  ],
  input: z.object({ ...reportFields, by: groupingSchema(CHOICES, 'usage', 'model') }).superRefine(checkRange),
  risk: 'read',
  slow: true,
  resolve: resolveReport,
  describe: (input) => `Show completions usage ${describeReport(input)}, by ${GROUPINGS[input.by].noun}`,
  async run(deps, input) {
    const range = daysOf(deps, input);
    const { noun, none } = GROUPINGS[input.by];
    const [sums, names] = await Promise.all([
      sumUsage(deps, range, input.by, input.projectIds ?? []),
      input.by === 'project' ? projectNames(deps) : new Map<string, string>(),
    ]);
    const groups: UsageGroup[] = [...sums]
      .filter(([, counts]) => tokens(counts) > 0 || counts.requests > 0)
      .map(([key, counts]) => ({ ...counts, ...labelOf(key, none, names) }));
    const total = addCounts(groups);
    const span = describeReport({ ...input, ...range });
    if (groups.length === 0) return { title: `No completions usage recorded ${span}.`, items: [] };
    const facts = (counts: Counts) => [
      `${count.format(counts.input)} input tokens (${count.format(counts.cached)} cached)`,
      `${count.format(counts.output)} output tokens`,
      plural(counts.requests, 'request'),
      `${shareText(tokens(counts), tokens(total))} of tokens`,
    ];
    const items = rankRows(groups, {
      value: tokens,
      facts,
      limit: input.limit,
      fold: (rest) => ({
        title: `Everything else (${plural(rest.length, `more ${noun}`)})`,
        facts: facts(addCounts(rest)),
      }),
    });
    return {
      title: `Completions usage ${span}: ${plural(tokens(total), 'token')} in ${plural(total.requests, 'request')}`,
      notes: [`By ${noun}, most tokens first, across ${plural(groups.length, noun)}.`],
      items,
    };
  },
});
