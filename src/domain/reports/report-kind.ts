import type { ReportEndpoint, ReportGroupBy, ReportResult } from '../admin-api/reports.js';

/** The figures of one row (or of a total), by figure key. */
export type Figures<F extends string = string> = Readonly<Record<F, number>>;

/** One `--by` choice: the API's `group_by` value and the words rows are labelled with. */
export interface Grouping<E extends ReportEndpoint = ReportEndpoint> {
  readonly field: ReportGroupBy<E>;
  /** What one row is, e.g. `model`, `API key`. */
  readonly noun: string;
  /** The label of results the API reports without this field, e.g. `(no project)`. */
  readonly none: string;
  /** Where rows' names come from: project names, or users' emails. Otherwise the key is the label. */
  readonly names?: 'projects' | 'users';
  /** The label of a key that is not an id, e.g. `true` → `Batch API`. */
  readonly label?: (key: string) => string;
}

/** One figure read from each result. */
export interface Figure<E extends ReportEndpoint = ReportEndpoint, F extends string = string> {
  readonly key: F;
  readonly read: (result: ReportResult<E>) => number | null | undefined;
  /**
   * How daily values make a figure for the range: `sum` (the default) adds them; `latest` takes the value on the
   * last day that has any figures (storage held now); `peak` the largest daily value.
   */
  readonly over?: 'sum' | 'latest' | 'peak';
  /** Meaningful only within one row (a line item's quantity, in its own unit): left out of totals and folds. */
  readonly perRow?: boolean;
}

/**
 * One kind of report, defined once: the endpoint it reads, how `--by` maps onto the API's `group_by`, the
 * figures it sums from each result, and how rows and the total are shown. Costs and every kind of usage are
 * entries of one table of these; one engine runs them all.
 */
export interface ReportKind<E extends ReportEndpoint = ReportEndpoint, F extends string = string> {
  /** The `--type` word, e.g. `completions`, `audio-speeches`. */
  readonly type: string;
  readonly endpoint: E;
  /** Heads the reply, e.g. `Completions usage`. */
  readonly title: string;
  /** The report in a sentence, e.g. `No completions usage recorded …`, `not a way to group completions usage`. */
  readonly what: string;
  /** `--by` words (the first is the default) and what each groups by. */
  readonly groupings: Readonly<Record<string, Grouping<E>>>;
  readonly figures: readonly Figure<E, F>[];
  /** What rows are ranked by and shares are of. */
  readonly rank: (figures: Figures<F>) => number;
  /** The ranking in words, e.g. `most tokens first`. */
  readonly order: string;
  /** A row's facts; `share` is its share of the total, e.g. `42.1%`. */
  readonly facts: (figures: Figures<F>, share: string) => string[];
  /** The total after the range in the title, e.g. `1,234 tokens in 5 requests`. */
  readonly headline: (total: Figures<F>) => string;
  /** Said under the title when the range reaches today. */
  readonly todayNote?: string;
}

/** Declares a report kind with its result and figure types checked, erased so kinds share one table. */
export function defineReportKind<E extends ReportEndpoint, F extends string>(kind: ReportKind<E, F>): ReportKind {
  return kind as unknown as ReportKind;
}

/** The `--by` words a kind accepts, the default first. */
export const groupingWords = (kind: ReportKind): string[] => Object.keys(kind.groupings);
