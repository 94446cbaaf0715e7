import { bucketPage, groupRecords, type LimitRules, readBucketQuery } from './buckets.js';
import type { Router } from './router.js';
import type { FakeState } from './state/fake-state.js';
import type { ReportFilter } from './usage-kinds.js';

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
