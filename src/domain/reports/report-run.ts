import type { OperationDeps } from '../ports.js';
import type { Reply } from '../reply.js';
import type { DayRange } from '../time-range.js';
import { plural, shareText } from './figure-text.js';
import { daysOf, describeReport, type ReportInput } from './report-input.js';
import type { Figures, Grouping, ReportKind } from './report-kind.js';
import { type Labelled, labelOf, namesOf, rankRows } from './report-rows.js';
import { ReportSeries } from './report-series.js';

/** Reads every daily bucket of the range, grouped as asked, into per-row, per-day figures. */
async function readSeries(
  deps: OperationDeps,
  kind: ReportKind,
  grouping: Grouping,
  range: DayRange,
  projectIds: readonly string[],
): Promise<ReportSeries> {
  const series = new ReportSeries(kind.figures);
  const buckets = deps.admin.reports.buckets(kind.endpoint, {
    startTime: range.start,
    endTime: range.end,
    groupBy: [grouping.field] as never,
    projectIds,
  });
  for await (const bucket of buckets) {
    for (const result of bucket.results as Record<string, unknown>[]) {
      const value = result[grouping.field];
      series.add(value === null || value === undefined ? '' : String(value), bucket.start_time, result);
    }
  }
  return series;
}

/** Whether a row has anything to show: a figure other than a per-row one (a quantity alone is no cost) is not 0. */
const hasFigures = (kind: ReportKind, figures: Figures) =>
  kind.figures.some((figure) => !figure.perRow && figures[figure.key] !== 0);

interface Row extends Labelled {
  key: string;
  figures: Figures;
}

/**
 * Runs one report kind over resolved input: rows by the grouping asked for (the kind's first when none), ranked
 * by the kind's measure, the rows past `--limit` folded into one, with the total in the title.
 */
export async function runReport(deps: OperationDeps, kind: ReportKind, input: ReportInput): Promise<Reply> {
  const range = daysOf(deps, input);
  const grouping = kind.groupings[input.by] as Grouping;
  const [series, names] = await Promise.all([
    readSeries(deps, kind, grouping, range, input.projectIds ?? []),
    namesOf(deps, grouping.names),
  ]);
  const rows: Row[] = series
    .keys()
    .map((key) => ({ key, figures: series.combine([key]) }))
    .filter((row) => hasFigures(kind, row.figures))
    .map(({ key, figures }) => ({ ...labelOf(key, grouping, names), key, figures }));
  const span = describeReport({ ...input, ...range });
  if (rows.length === 0) return { title: `No ${kind.what} recorded ${span}.`, items: [] };
  const total = series.combine(rows.map((row) => row.key));
  const share = (figures: Figures) => shareText(kind.rank(figures), kind.rank(total));
  const items = rankRows(rows, {
    value: (row) => kind.rank(row.figures),
    facts: (row) => kind.facts(row.figures, share(row.figures)),
    limit: input.limit,
    fold: (rest) => {
      const figures = series.combine(rest.map((row) => row.key));
      return {
        title: `Everything else (${plural(rest.length, `more ${grouping.noun}`)})`,
        facts: kind.facts(figures, share(figures)),
      };
    },
  });
  const today = kind.todayNote && range.end * 1000 > deps.now().getTime() ? ` ${kind.todayNote}` : '';
  return {
    title: `${kind.title} ${span}: ${kind.headline(total)}`,
    notes: [`By ${grouping.noun}, ${kind.order}, across ${plural(rows.length, grouping.noun)}.${today}`],
    items,
  };
}
