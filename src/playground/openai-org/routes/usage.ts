import { ApiError } from '../api-error.js';
import { type LimitRules, serveReport } from '../buckets.js';
import type { Router } from '../router.js';
import type { UsageRecord } from '../state/records.js';
import { USAGE_KINDS, type UsageKind, type UsageKindSpec } from '../usage-kinds.js';

const USAGE_LIMITS: LimitRules = {
  '1m': { default: 60, max: 1440 },
  '1h': { default: 24, max: 168 },
  '1d': { default: 7, max: 31 },
};

/** One result: the group's figures summed, grouping fields set where grouped by them (null otherwise). */
function usageResult(spec: UsageKindSpec, group: readonly UsageRecord[], groupBy: readonly string[]) {
  const first = group[0];
  const figures = spec.figures.map((figure) => [
    figure,
    group.reduce((sum, record) => sum + Number(record.values[figure] ?? 0), 0),
  ]);
  const fields = spec.groupBy.map((field) => [field, groupBy.includes(field) ? (first?.values[field] ?? null) : null]);
  return { object: spec.object, ...Object.fromEntries(figures), ...Object.fromEntries(fields) };
}

/** `GET /organization/usage/<kind>` for every kind, from seeded usage; an unknown kind is a 404. */
export function registerUsageRoutes(router: Router): void {
  for (const [kind, spec] of Object.entries(USAGE_KINDS) as [UsageKind, UsageKindSpec][]) {
    serveReport<UsageRecord>(router, {
      path: `/organization/usage/${kind}`,
      limits: USAGE_LIMITS,
      groupBy: spec.groupBy,
      filters: { project_ids: { field: 'project_id' }, ...spec.filters },
      ...(spec.flags ? { flags: spec.flags } : {}),
      records: (state) => state.usage.filter((record) => record.kind === kind),
      time: (record) => record.time,
      value: (record, field) => record.values[field] ?? null,
      result: (group, groupBy) => usageResult(spec, group, groupBy),
    });
  }
  router.get('/organization/usage/:kind', ({ param }) => {
    throw new ApiError(404, `Invalid URL (GET /v1/organization/usage/${param('kind')})`);
  });
}
