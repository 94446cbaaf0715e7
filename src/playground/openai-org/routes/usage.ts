import { ApiError } from '../api-error.js';
import { bucketPage, groupRecords, type LimitRules, readBucketQuery } from '../buckets.js';
import type { Router } from '../router.js';
import type { CompletionsUsageRecord } from '../state/records.js';

const USAGE_LIMITS: LimitRules = {
  '1m': { default: 60, max: 1440 },
  '1h': { default: 24, max: 168 },
  '1d': { default: 7, max: 31 },
};

const OTHER_KINDS = [
  'audio_speeches',
  'audio_transcriptions',
  'code_interpreter_sessions',
  'embeddings',
  'file_search_calls',
  'images',
  'moderations',
  'vector_stores',
  'web_search_calls',
];

const GROUP_BY = ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier'] as const;
type UsageGroupBy = (typeof GROUP_BY)[number];

function groupValues(record: CompletionsUsageRecord, groupBy: readonly UsageGroupBy[]) {
  return {
    project_id: groupBy.includes('project_id') ? record.projectId : null,
    user_id: groupBy.includes('user_id') ? record.userId : null,
    api_key_id: groupBy.includes('api_key_id') ? record.apiKeyId : null,
    model: groupBy.includes('model') ? record.model : null,
    batch: groupBy.includes('batch') ? record.batch : null,
    service_tier: groupBy.includes('service_tier') ? record.serviceTier : null,
  };
}

function completionsResult(group: CompletionsUsageRecord[], groupBy: readonly UsageGroupBy[]) {
  const sum = (pick: (record: CompletionsUsageRecord) => number) => group.reduce((total, r) => total + pick(r), 0);
  const first = group[0];
  return {
    object: 'organization.usage.completions.result',
    input_tokens: sum((r) => r.inputTokens),
    output_tokens: sum((r) => r.outputTokens),
    input_cached_tokens: sum((r) => r.inputCachedTokens),
    input_audio_tokens: 0,
    output_audio_tokens: 0,
    num_model_requests: sum((r) => r.requests),
    ...(first ? groupValues(first, groupBy) : {}),
  };
}

/** `GET /organization/usage/completions` from seeded usage; the other kinds answer with empty buckets. */
export function registerUsageRoutes(router: Router): void {
  router.get('/organization/usage/completions', ({ state, query }) => {
    const filters = {
      projectIds: query.list('project_ids'),
      userIds: query.list('user_ids'),
      apiKeyIds: query.list('api_key_ids'),
      models: query.list('models'),
    };
    const batch = query.bool('batch');
    const groupBy = query.listOf('group_by', GROUP_BY);
    const bucketQuery = readBucketQuery(query, USAGE_LIMITS, state.now);
    const matches = (wanted: string[], value: string | null) =>
      wanted.length === 0 || (value !== null && wanted.includes(value));
    const records = state.completionsUsage.filter(
      (r) =>
        matches(filters.projectIds, r.projectId) &&
        matches(filters.userIds, r.userId) &&
        matches(filters.apiKeyIds, r.apiKeyId) &&
        matches(filters.models, r.model) &&
        (batch === undefined || r.batch === batch),
    );
    return bucketPage(bucketQuery, (start, end) => {
      const inBucket = records.filter((r) => r.time >= start && r.time < end);
      return groupRecords(inBucket, (r) => Object.values(groupValues(r, groupBy))).map((group) =>
        completionsResult(group, groupBy),
      );
    });
  });

  router.get('/organization/usage/:kind', ({ state, query, param }) => {
    const kind = param('kind');
    if (!OTHER_KINDS.includes(kind)) {
      throw new ApiError(404, `Invalid URL (GET /v1/organization/usage/${kind})`);
    }
    query.list('project_ids');
    query.list('group_by');
    return bucketPage(readBucketQuery(query, USAGE_LIMITS, state.now), () => []);
  });
}
