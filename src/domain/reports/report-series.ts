import type { Figure, Figures } from './report-kind.js';

type Daily = Map<number, Record<string, number>>;

/**
 * A report's figures per row key and per day, as read from its buckets. Rows, folds of several rows and the
 * total are each combined from the days, so a figure taken over days (latest, peak) is right for any set of
 * rows, not a sum of per-row answers.
 */
export class ReportSeries {
  private readonly rows = new Map<string, Daily>();
  /** The start of the last day that has any figures. */
  private lastDay = Number.NEGATIVE_INFINITY;

  constructor(private readonly figures: readonly Figure[]) {}

  /** Adds one result of the day starting at `day` to the row `key` (`''` for results without one). */
  add(key: string, day: number, result: unknown): void {
    let daily = this.rows.get(key);
    if (!daily) {
      daily = new Map();
      this.rows.set(key, daily);
    }
    const sums = daily.get(day) ?? {};
    for (const figure of this.figures) {
      const value = (figure.read as (result: unknown) => number | null | undefined)(result);
      if (typeof value === 'number' && Number.isFinite(value)) sums[figure.key] = (sums[figure.key] ?? 0) + value;
    }
    daily.set(day, sums);
    this.lastDay = Math.max(this.lastDay, day);
  }

  /** Every row key read, in the order first seen. */
  keys(): string[] {
    return [...this.rows.keys()];
  }

  /** The figures of one row, of several rows together, or (no keys given) of every row. */
  combine(keys: readonly string[] = this.keys()): Figures {
    const days = new Map<number, Record<string, number>>();
    for (const key of keys) {
      for (const [day, sums] of this.rows.get(key) ?? []) {
        const total = days.get(day) ?? {};
        for (const [figure, value] of Object.entries(sums)) total[figure] = (total[figure] ?? 0) + value;
        days.set(day, total);
      }
    }
    const result: Record<string, number> = {};
    for (const figure of this.figures) {
      const values = [...days.values()].map((sums) => sums[figure.key] ?? 0);
      if (figure.perRow && keys.length !== 1) result[figure.key] = 0;
      else if (figure.over === 'latest') result[figure.key] = days.get(this.lastDay)?.[figure.key] ?? 0;
      else if (figure.over === 'peak') result[figure.key] = Math.max(0, ...values);
      else result[figure.key] = values.reduce((sum, value) => sum + value, 0);
    }
    return result;
  }
}
