import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByPageToken } from '../pagination.js';

/** One result of `/organization/usage/completions`; grouping fields are set only when grouped by them. */
export const completionsUsageResult = z.looseObject({
  object: z.string().optional(),
  input_tokens: z.number().default(0),
  output_tokens: z.number().default(0),
  input_cached_tokens: z.number().nullish(),
  num_model_requests: z.number().default(0),
  project_id: z.string().nullish(),
  user_id: z.string().nullish(),
  api_key_id: z.string().nullish(),
  model: z.string().nullish(),
  batch: z.boolean().nullish(),
  service_tier: z.string().nullish(),
});
export type CompletionsUsageResult = z.output<typeof completionsUsageResult>;

export const completionsUsageBucket = z.looseObject({
  object: z.string().optional(),
  /** Unix seconds, inclusive. */
  start_time: z.number(),
  /** Unix seconds, exclusive. */
  end_time: z.number(),
  results: z.array(completionsUsageResult).default([]),
});

export type CompletionsGroupBy = 'project_id' | 'user_id' | 'api_key_id' | 'model' | 'batch' | 'service_tier';

export interface CompletionsUsageQuery {
  /** Unix seconds, inclusive. */
  startTime: number;
  /** Unix seconds, exclusive; the API defaults to now. */
  endTime?: number;
  projectIds?: readonly string[];
  models?: readonly string[];
  groupBy?: readonly CompletionsGroupBy[];
  /** Daily buckets per page, 1-31 (the API's maximum for `1d`); default 31. */
  limit?: number;
}

/** `GET /organization/usage/{kind}`: token and request counts in time buckets, paged with `next_page` tokens. */
export function usageResource(client: AdminClient) {
  return {
    /** Every daily bucket of completions usage in the range, fetching pages lazily. */
    completions: (query: CompletionsUsageQuery) =>
      listByPageToken(client, completionsUsageBucket, '/organization/usage/completions', {
        start_time: query.startTime,
        end_time: query.endTime,
        bucket_width: '1d',
        project_ids: query.projectIds?.length ? query.projectIds : undefined,
        models: query.models?.length ? query.models : undefined,
        group_by: query.groupBy?.length ? query.groupBy : undefined,
        limit: query.limit ?? 31,
      }),
  };
}
