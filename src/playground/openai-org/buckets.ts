import { badRequest } from './api-error.js';
import type { QueryReader } from './query.js';
import type { Router } from './router.js';
import type { FakeState } from './state/fake-state.js';
import type { ReportFilter } from './usage-kinds.js';

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

type FieldValue = string | number | boolean | null;

/**
 * One report endpoint (costs, each kind of usage) served from seeded records: the one engine behind all of them
 * reads the filters and `group_by`, cuts the range into buckets and groups each bucket's records.
 */
export interface ReportRoute<R> {
  readonly path: string;
  /** Default and maximum `limit` per `bucket_width`; the widths listed are the ones accepted. */
  readonly limits: LimitRules;
  readonly groupBy: readonly string[];
  /** Array filters by parameter name (`project_ids`, `models`, …). */
  readonly filters: Readonly<Record<string, ReportFilter>>;
  /** Boolean filters by parameter name (`batch`): the field they match. */
  readonly flags?: Readonly<Record<string, string>>;
  readonly records: (state: FakeState) => readonly R[];
  /** When a record happened (unix seconds): the bucket it falls in. */
  readonly time: (record: R) => number;
  /** A record's grouping or filtering field. */
  readonly value: (record: R, field: string) => FieldValue;
  /** The result for one group of a bucket; `groupBy` says which grouping fields it reports. */
  readonly result: (group: readonly R[], groupBy: readonly string[]) => object;
}

/** Registers `GET <path>` for a report: style-C pages of buckets with grouped results. */
export function serveReport<R>(router: Router, route: ReportRoute<R>): void {
  router.get(route.path, ({ state, query }) => {
    const filters = Object.entries(route.filters).map(
      ([param, filter]) =>
        [filter.field, filter.values ? query.listOf(param, filter.values) : query.list(param)] as const,
    );
    const flags = Object.entries(route.flags ?? {}).map(([param, field]) => [field, query.bool(param)] as const);
    const groupBy = query.listOf('group_by', route.groupBy);
    const bucketQuery = readBucketQuery(query, route.limits, state.now);
    const records = route
      .records(state)
      .filter(
        (record) =>
          filters.every(
            ([field, wanted]) => wanted.length === 0 || wanted.includes(String(route.value(record, field))),
          ) && flags.every(([field, wanted]) => wanted === undefined || route.value(record, field) === wanted),
      );
    return bucketPage(bucketQuery, (start, end) => {
      const inBucket = records.filter((record) => route.time(record) >= start && route.time(record) < end);
      const groups = groupRecords(inBucket, (record) => groupBy.map((field) => route.value(record, field)));
      return groups.map((group) => route.result(group, groupBy));
    });
  });
}
