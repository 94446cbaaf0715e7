/** One day in milliseconds. Cost buckets are whole UTC days, so every day here is a UTC day. */
export const DAY_MS = 86_400_000;

/** A calendar month in UTC. */
export interface MonthWindow {
  /** `YYYY-MM`. */
  readonly key: string;
  /** First instant, in ms since the epoch. */
  readonly start: number;
  /** First instant of the next month (exclusive end). */
  readonly end: number;
  readonly days: number;
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MONTH_NAMES = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_DAY = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

const windowOf = (year: number, monthIndex: number): MonthWindow => {
  const start = Date.UTC(year, monthIndex, 1);
  const end = Date.UTC(year, monthIndex + 1, 1);
  return {
    key: new Date(start).toISOString().slice(0, 7),
    start,
    end,
    days: Math.round((end - start) / DAY_MS),
  };
};

/** The UTC month containing `at` (ms). */
export function monthOf(at: number): MonthWindow {
  const date = new Date(at);
  return windowOf(date.getUTCFullYear(), date.getUTCMonth());
}

/** The month named `YYYY-MM`, or undefined when the text is not one. */
export function parseMonthKey(key: string): MonthWindow | undefined {
  const match = MONTH_KEY.exec(key.trim());
  if (!match) return undefined;
  return windowOf(Number(match[1]), Number(match[2]) - 1);
}

/** Start of the UTC day containing `at`. */
export const startOfDay = (at: number): number => Math.floor(at / DAY_MS) * DAY_MS;

/** `YYYY-MM-DD` of the UTC day containing `at`. */
export const dayKey = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** `March 2026`. */
export const monthLabel = (month: MonthWindow): string => MONTH_NAMES.format(new Date(month.start));

/** `Mar 14`. */
export const shortDay = (at: number): string => SHORT_DAY.format(new Date(at));
