import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByPageToken } from '../pagination.js';

export const costResult = z.looseObject({
  object: z.string().optional(),
  /** `value` is in currency units (dollars), a float; `currency` is lower-case (`usd`). */
  amount: z.looseObject({ value: z.number(), currency: z.string() }).nullish(),
  line_item: z.string().nullish(),
  project_id: z.string().nullish(),
  api_key_id: z.string().nullish(),
  quantity: z.number().nullish(),
});
export type CostResult = z.output<typeof costResult>;

export const costBucket = z.looseObject({
  object: z.string().optional(),
  /** Unix seconds, inclusive. */
  start_time: z.number(),
  /** Unix seconds, exclusive. */
  end_time: z.number(),
  results: z.array(costResult).default([]),
});
export type CostBucket = z.output<typeof costBucket>;

export type CostGroupBy = 'project_id' | 'line_item' | 'api_key_id';

export interface CostQuery {
  /** Unix seconds, inclusive. */
  startTime: number;
  /** Unix seconds, exclusive; the API defaults to now. */
  endTime?: number;
  projectIds?: readonly string[];
  apiKeyIds?: readonly string[];
  groupBy?: readonly CostGroupBy[];
  /** Buckets per page, 1-180; default 180 so a month or two needs one call. */
  limit?: number;
}

/** `GET /organization/costs`: daily cost buckets in dollars, paged with `next_page` tokens. */
export function costsResource(client: AdminClient) {
  return {
    /** Every daily bucket of the range, fetching pages lazily. */
    list: (query: CostQuery) =>
      listByPageToken(client, costBucket, '/organization/costs', {
        start_time: query.startTime,
        end_time: query.endTime,
        bucket_width: '1d',
        project_ids: query.projectIds?.length ? query.projectIds : undefined,
        api_key_ids: query.apiKeyIds?.length ? query.apiKeyIds : undefined,
        group_by: query.groupBy?.length ? query.groupBy : undefined,
        limit: query.limit ?? 180,
      }),
  };
}
