import { roundAmount, serveReport } from '../buckets.js';
import type { Router } from '../router.js';
import type { CostRecord } from '../state/records.js';

const FIELDS = {
  project_id: (cost: CostRecord) => cost.projectId,
  line_item: (cost: CostRecord) => cost.lineItem,
  api_key_id: (cost: CostRecord) => cost.apiKeyId,
} as const;

function costResult(group: readonly CostRecord[], groupBy: readonly string[]) {
  const first = group[0];
  const field = (name: keyof typeof FIELDS) => (groupBy.includes(name) && first ? FIELDS[name](first) : null);
  const quantities = group.map((cost) => cost.quantity).filter((value): value is number => value !== null);
  return {
    object: 'organization.costs.result',
    amount: { value: roundAmount(group.reduce((sum, cost) => sum + cost.amount, 0)), currency: 'usd' },
    line_item: field('line_item'),
    project_id: field('project_id'),
    api_key_id: field('api_key_id'),
    quantity: groupBy.includes('line_item') && quantities.length > 0 ? quantities.reduce((a, b) => a + b, 0) : null,
  };
}

/** `GET /organization/costs`: daily buckets in dollars from seeded cost lines (limit 1-180, default 7). */
export function registerCostRoutes(router: Router): void {
  serveReport<CostRecord>(router, {
    path: '/organization/costs',
    limits: { '1d': { default: 7, max: 180 } },
    groupBy: Object.keys(FIELDS),
    filters: { project_ids: { field: 'project_id' }, api_key_ids: { field: 'api_key_id' } },
    records: (state) => state.costs,
    time: (cost) => cost.startTime,
    value: (cost, field) => FIELDS[field as keyof typeof FIELDS]?.(cost) ?? null,
    result: costResult,
  });
}
