import type { z } from 'zod';
import { REPORT_RESULTS } from './report-results.js';

const CALLER = ['project_id', 'user_id', 'api_key_id', 'model'] as const;
/** Daily buckets per page for usage: the API's maximum for `bucket_width=1d`. */
const USAGE_PAGE = 31;

/**
 * Every report the domain reads (daily time buckets, paged with `next_page` tokens): its path, the `group_by`
 * values it accepts, the shape of its results and how many daily buckets one page may hold.
 */
export const REPORT_ENDPOINTS = {
  /** Costs in dollars; pages hold up to 180 daily buckets, so half a year needs one call. */
  costs: {
    path: '/organization/costs',
    groupBy: ['project_id', 'line_item', 'api_key_id'],
    result: REPORT_RESULTS.costs,
    pageSize: 180,
  },
  completions: {
    path: '/organization/usage/completions',
    groupBy: [...CALLER, 'batch', 'service_tier'],
    result: REPORT_RESULTS.completions,
    pageSize: USAGE_PAGE,
  },
  embeddings: {
    path: '/organization/usage/embeddings',
    groupBy: CALLER,
    result: REPORT_RESULTS.embeddings,
    pageSize: USAGE_PAGE,
  },
  moderations: {
    path: '/organization/usage/moderations',
    groupBy: CALLER,
    result: REPORT_RESULTS.moderations,
    pageSize: USAGE_PAGE,
  },
  images: {
    path: '/organization/usage/images',
    groupBy: [...CALLER, 'size', 'source'],
    result: REPORT_RESULTS.images,
    pageSize: USAGE_PAGE,
  },
  audio_speeches: {
    path: '/organization/usage/audio_speeches',
    groupBy: CALLER,
    result: REPORT_RESULTS.audio_speeches,
    pageSize: USAGE_PAGE,
  },
  audio_transcriptions: {
    path: '/organization/usage/audio_transcriptions',
    groupBy: CALLER,
    result: REPORT_RESULTS.audio_transcriptions,
    pageSize: USAGE_PAGE,
  },
  vector_stores: {
    path: '/organization/usage/vector_stores',
    groupBy: ['project_id'],
    result: REPORT_RESULTS.vector_stores,
    pageSize: USAGE_PAGE,
  },
  code_interpreter_sessions: {
    path: '/organization/usage/code_interpreter_sessions',
    groupBy: ['project_id'],
    result: REPORT_RESULTS.code_interpreter_sessions,
    pageSize: USAGE_PAGE,
  },
  file_search_calls: {
    path: '/organization/usage/file_search_calls',
    groupBy: ['project_id', 'user_id', 'api_key_id', 'vector_store_id'],
    result: REPORT_RESULTS.file_search_calls,
    pageSize: USAGE_PAGE,
  },
  web_search_calls: {
    path: '/organization/usage/web_search_calls',
    groupBy: [...CALLER, 'context_level'],
    result: REPORT_RESULTS.web_search_calls,
    pageSize: USAGE_PAGE,
  },
} as const;

export type ReportEndpoint = keyof typeof REPORT_ENDPOINTS;
export type ReportGroupBy<E extends ReportEndpoint> = (typeof REPORT_ENDPOINTS)[E]['groupBy'][number];
export type ReportResult<E extends ReportEndpoint> = z.output<(typeof REPORT_ENDPOINTS)[E]['result']>;

export interface ReportBucket<E extends ReportEndpoint> {
  /** Unix seconds, inclusive. */
  start_time: number;
  /** Unix seconds, exclusive. */
  end_time: number;
  results: ReportResult<E>[];
}

export interface ReportQuery<E extends ReportEndpoint> {
  /** Unix seconds, inclusive. */
  startTime: number;
  /** Unix seconds, exclusive; the API defaults to now. */
  endTime?: number;
  projectIds?: readonly string[];
  groupBy?: readonly ReportGroupBy<E>[];
  /** Daily buckets per page; default the endpoint's maximum, so a month needs one call. */
  limit?: number;
}
