import { bucketPage, groupRecords, readBucketQuery, roundAmount } from '../buckets.js';
import type { Router } from '../router.js';
import type { CostRecord } from '../state/records.js';

const GROUP_BY = ['project_id', 'line_item', 'api_key_id'] as const;
type CostGroupBy = (typeof GROUP_BY)[number];

function costResult(group: CostRecord[], groupBy: readonly CostGroupBy[]) {
  const first = group[0];
  const quantities = group.map((cost) => cost.quantity).filter((value): value is number => value !== null);
  return {
    object: 'organization.costs.result',
    amount: { value: roundAmount(group.reduce((sum, cost) => sum + cost.amount, 0)), currency: 'usd' },
    line_item: groupBy.includes('line_item') ? (first?.lineItem ?? null) : null,
    project_id: groupBy.includes('project_id') ? (first?.projectId ?? null) : null,
    api_key_id: groupBy.includes('api_key_id') ? (first?.apiKeyId ?? null) : null,
    quantity: groupBy.includes('line_item') && quantities.length > 0 ? quantities.reduce((a, b) => a + b, 0) : null,
  };
}

/** `GET /organization/costs`: daily buckets in dollars, style C pagination (limit 1-180, default 7). */
export function registerCostRoutes(router: Router): void {
  router.get('/organization/costs', ({ state, query }) => {
    const projectIds = query.list('project_ids');
    const apiKeyIds = query.list('api_key_ids');
    const groupBy = query.listOf('group_by', GROUP_BY);
    const bucketQuery = readBucketQuery(query, { '1d': { default: 7, max: 180 } }, state.now);
    const costs = state.costs.filter(
      (cost) =>
        (projectIds.length === 0 || (cost.projectId !== null && projectIds.includes(cost.projectId))) &&
        (apiKeyIds.length === 0 || (cost.apiKeyId !== null && apiKeyIds.includes(cost.apiKeyId))),
    );
    return bucketPage(bucketQuery, (start, end) => {
      const inBucket = costs.filter((cost) => cost.startTime >= start && cost.startTime < end);
      const groups = groupRecords(inBucket, (cost) => [
        groupBy.includes('project_id') ? cost.projectId : null,
        groupBy.includes('line_item') ? cost.lineItem : null,
        groupBy.includes('api_key_id') ? cost.apiKeyId : null,
      ]);
      return groups.map((group) => costResult(group, groupBy));
    });
  });
}
