import { badRequest } from './api-error.js';
import type { QueryReader } from './query.js';

/** Seconds per bucket for each `bucket_width`. */
export const BUCKET_SECONDS = { '1m': 60, '1h': 3600, '1d': 86_400 } as const;
export type BucketWidth = keyof typeof BUCKET_SECONDS;

export interface Bucket<R> {
  object: 'bucket';
  start_time: number;
  end_time: number;
  results: R[];
}

/** Style C envelope: time buckets with a `next_page` token. */
export interface BucketPage<R> {
  object: 'page';
  data: Bucket<R>[];
  has_more: boolean;
  next_page: string | null;
}

/** The validated common query of `/organization/costs` and `/organization/usage/*`. */
export interface BucketQuery {
  startTime: number;
  endTime: number;
  width: BucketWidth;
  limit: number;
  page: string | undefined;
}

/** Limit default and maximum per bucket width, as documented per endpoint. */
export type LimitRules = Partial<Record<BucketWidth, { default: number; max: number }>>;

/** Reads start_time*, end_time (default `now`), bucket_width, limit and page. */
export function readBucketQuery(query: QueryReader, rules: LimitRules, now: number): BucketQuery {
  const startTime = query.int('start_time', { min: 0 });
  if (startTime === undefined) {
    throw badRequest("Missing required parameter: 'start_time'.", 'start_time', 'missing_required_parameter');
  }
  const endTime = query.int('end_time', { min: 0 }) ?? now;
  if (endTime <= startTime) {
    throw badRequest("Invalid 'end_time': it must be greater than 'start_time'.", 'end_time', 'invalid_value');
  }
  const widths = Object.keys(rules) as BucketWidth[];
  const width = query.oneOf('bucket_width', widths) ?? '1d';
  const rule = rules[width] ?? { default: 7, max: 31 };
  const limit = query.limit(rule.default, 1, rule.max);
  return { startTime, endTime, width, limit, page: query.string('page') };
}

/** Builds one page of buckets; `results(start, end)` fills each bucket. */
export function bucketPage<R>(query: BucketQuery, results: (start: number, end: number) => R[]): BucketPage<R> {
  const size = BUCKET_SECONDS[query.width];
  const first = Math.floor(query.startTime / size) * size;
  let cursor = query.page === undefined ? first : decodePage(query.page, first, query.endTime, size);
  const data: Bucket<R>[] = [];
  while (cursor < query.endTime && data.length < query.limit) {
    data.push({
      object: 'bucket',
      start_time: cursor,
      end_time: cursor + size,
      results: results(cursor, cursor + size),
    });
    cursor += size;
  }
  const hasMore = cursor < query.endTime;
  return { object: 'page', data, has_more: hasMore, next_page: hasMore ? encodePage(cursor) : null };
}

function encodePage(cursor: number): string {
  return `page_${Buffer.from(`bucket:${cursor}`).toString('base64url')}`;
}

function decodePage(page: string, first: number, end: number, size: number): number {
  const decoded = page.startsWith('page_') ? Buffer.from(page.slice(5), 'base64url').toString() : '';
  const match = /^bucket:(\d+)$/.exec(decoded);
  const cursor = match ? Number(match[1]) : Number.NaN;
  if (!Number.isInteger(cursor) || cursor < first || cursor >= end || (cursor - first) % size !== 0) {
    throw badRequest(`Invalid 'page': '${page}' is not a page token of this query.`, 'page', 'invalid_value');
  }
  return cursor;
}

/** Sums with rounding so that seeded dollar amounts add up without float noise. */
export function roundAmount(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** Splits records into groups by the values of the `group_by` fields (insertion order of first appearance). */
export function groupRecords<T>(records: readonly T[], keyOf: (record: T) => unknown[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const key = JSON.stringify(keyOf(record));
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return [...groups.values()];
}
