import { z } from 'zod';
import type { CostGroupBy } from '../../openai-admin/resources/costs.js';
import { formatDollars } from '../money.js';
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
  project: { field: 'project_id', noun: 'project', none: '(no project)' },
  'line-item': { field: 'line_item', noun: 'line item', none: '(no line item)' },
  'api-key': { field: 'api_key_id', noun: 'API key', none: '(no API key)' },
} as const satisfies Record<string, { field: CostGroupBy; noun: string; none: string }>;
type Grouping = keyof typeof GROUPINGS;
const CHOICES = Object.keys(GROUPINGS) as Grouping[];

const grouping = groupingSchema(CHOICES, 'costs', 'project');

interface CostGroup extends Labelled {
  dollars: number;
  quantity: number | null;
}

const quantityText = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** Sums every daily bucket of the range per group key (`''` for costs the API reports without one). */
async function sumCosts(deps: OperationDeps, range: DayRange, by: Grouping, projectIds: readonly string[]) {
  const field = GROUPINGS[by].field;
  const sums = new Map<string, { dollars: number; quantity: number | null }>();
  const buckets = deps.admin.costs.list({ startTime: range.start, endTime: range.end, groupBy: [field], projectIds });
  for await (const bucket of buckets) {
    for (const result of bucket.results) {
      const key = result[field] ?? '';
      const sum = sums.get(key) ?? { dollars: 0, quantity: null };
      sum.dollars += result.amount?.value ?? 0;
      if (typeof result.quantity === 'number') sum.quantity = (sum.quantity ?? 0) + result.quantity;
      sums.set(key, sum);
    }
  }
  return sums;
}

export const costsReport = defineOperation({
  name: 'costs.report',
  words: ['costs'],
  aliases: [['costs', 'report']],
  summary: 'Spend over a range (default the last 30 days) by project, line item or API key, largest first',
  args: [
    ...dayRangeArgs,
    { name: 'by', kind: 'flag', placeholder: CHOICES.join('|'), optional: true, choices: CHOICES, help: 'grouping' },
    projectsFilterArg,
    rowsLimitArg,
  ],
  input: z.object({ ...reportFields, by: grouping }).superRefine(checkRange),
  risk: 'read',
  slow: true,
  resolve: resolveReport,
  describe: (input) => `Show costs ${describeReport(input)}, by ${GROUPINGS[input.by].noun}`,
  async run(deps, input) {
    const range = daysOf(deps, input);
    const { noun } = GROUPINGS[input.by];
    const [sums, names] = await Promise.all([
      sumCosts(deps, range, input.by, input.projectIds ?? []),
      input.by === 'project' ? projectNames(deps) : new Map<string, string>(),
    ]);
    const groups: CostGroup[] = [...sums]
      .filter(([, sum]) => sum.dollars !== 0)
      .map(([key, sum]) => ({ ...sum, ...labelOf(key, GROUPINGS[input.by].none, names) }));
    const total = groups.reduce((sum, group) => sum + group.dollars, 0);
    const span = describeReport({ ...input, ...range });
    if (groups.length === 0) return { title: `No costs recorded ${span}.`, items: [] };
    const facts = (dollars: number, quantity: number | null = null) => [
      formatDollars(dollars),
      `${shareText(dollars, total)} of the total`,
      ...(quantity !== null ? [`quantity ${quantityText.format(quantity)}`] : []),
    ];
    const items = rankRows(groups, {
      value: (group) => group.dollars,
      facts: (group) => facts(group.dollars, group.quantity),
      limit: input.limit,
      fold: (rest) => ({
        title: `Everything else (${plural(rest.length, `more ${noun}`)})`,
        facts: facts(rest.reduce((sum, group) => sum + group.dollars, 0)),
      }),
    });
    return {
      title: `Costs ${span}: ${formatDollars(total)}`,
      notes: [
        `By ${noun}, largest first, across ${plural(groups.length, noun)}.` +
          (range.end * 1000 > deps.now().getTime() ? " Today's costs are still coming in." : ''),
      ],
      items,
    };
  },
});
