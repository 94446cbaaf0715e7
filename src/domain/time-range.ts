/** A span of time in Unix seconds: `gte` inclusive, `lt` exclusive; a missing end is open. */
export interface TimeRange {
  gte?: number;
  lt?: number;
}

/** How a command names a span: a duration back from now (`--since 7d`) or UTC days (`--from`/`--to`). */
export interface RangeArgs {
  since?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const DAY = 86_400;
const DURATION = /^(\d{1,6})\s*([mhdw])$/;
const UNIT_SECONDS: Record<string, number> = { m: 60, h: 3_600, d: DAY, w: 7 * DAY };
const DAY_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a duration such as `30m`, `24h`, `7d` or `2w` is not valid, or undefined when it is. */
export function durationError(text: string, flag = '--since'): string | undefined {
  const match = DURATION.exec(text.trim().toLowerCase());
  if (!match)
    return `${flag} "${text}" is not a duration; write a number and a unit (m, h, d or w), e.g. 30m, 24h or 7d.`;
  if (Number(match[1]) === 0) return `${flag} ${text} is an empty span; give at least 1${match[2]}.`;
  return undefined;
}

/** The length of a valid duration in seconds. */
export function durationSeconds(text: string): number {
  const match = DURATION.exec(text.trim().toLowerCase());
  if (!match) throw new Error(`not a duration: ${text}`);
  return Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
}

/** Unix seconds at the start (00:00 UTC) of a `YYYY-MM-DD` day, or undefined when it is no real date. */
export function dayStart(text: string): number | undefined {
  const match = DAY_SHAPE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const millis = Date.UTC(year, month - 1, day);
  const date = new Date(millis);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return millis / 1000;
}

/** Why a day is not valid, or undefined when it is. */
export function dayError(text: string, flag: string): string | undefined {
  return dayStart(text) === undefined
    ? `${flag} "${text}" is not a date; write a UTC day as YYYY-MM-DD, e.g. 2026-11-01.`
    : undefined;
}

/** A problem with range arguments and the argument it concerns. */
export interface RangeProblem {
  field: 'since' | 'from' | 'to';
  message: string;
}

/** The first thing wrong with a combination of range arguments, or undefined when they are fine. */
export function rangeError(args: RangeArgs): RangeProblem | undefined {
  if (args.since !== undefined && (args.from !== undefined || args.to !== undefined)) {
    return { field: 'since', message: 'Use either --since or --from/--to, not both.' };
  }
  const checks: [RangeProblem['field'], string | undefined][] = [
    ['since', args.since !== undefined ? durationError(args.since) : undefined],
    ['from', args.from !== undefined ? dayError(args.from, '--from') : undefined],
    ['to', args.to !== undefined ? dayError(args.to, '--to') : undefined],
  ];
  for (const [field, message] of checks) if (message) return { field, message };
  if (args.from !== undefined && args.to !== undefined) {
    if ((dayStart(args.from) as number) > (dayStart(args.to) as number)) {
      return { field: 'to', message: `--from ${args.from} is after --to ${args.to}.` };
    }
  }
  return undefined;
}

/** The span valid range arguments name, `--to` including that whole day; `--since` counts back from `now`. */
export function resolveRange(args: RangeArgs, now: Date): TimeRange {
  if (args.since !== undefined) {
    return { gte: Math.max(0, Math.floor(now.getTime() / 1000) - durationSeconds(args.since)) };
  }
  const range: TimeRange = {};
  if (args.from !== undefined) range.gte = dayStart(args.from) as number;
  if (args.to !== undefined) range.lt = (dayStart(args.to) as number) + DAY;
  return range;
}

/** `2026-11-20 14:03` (UTC) for a Unix time in seconds. */
export const formatMinute = (unixSeconds: number): string =>
  new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ');

/** The span in words, e.g. `since 2026-11-13 14:03 UTC` or `from 2026-11-01 00:00 to 2026-11-21 00:00 UTC`. */
export function describeRange(range: TimeRange): string | undefined {
  if (range.gte !== undefined && range.lt !== undefined) {
    return `from ${formatMinute(range.gte)} to ${formatMinute(range.lt)} UTC`;
  }
  if (range.gte !== undefined) return `since ${formatMinute(range.gte)} UTC`;
  if (range.lt !== undefined) return `before ${formatMinute(range.lt)} UTC`;
  return undefined;
}

/** Whole UTC days for reports in daily buckets: `start` (00:00 UTC, inclusive) to `end` (00:00 UTC, exclusive). */
export interface DayRange {
  start: number;
  end: number;
  days: number;
}

/**
 * The UTC days valid range arguments name, today included: `--since 30d` is today and the 29 days before (shorter
 * or longer units round up to whole days), `--from` alone runs to today, `--to` alone (or nothing) covers
 * `defaultDays` days ending that day. A `--to` after today stops at today; a `--from` after today leaves no days.
 */
export function resolveDayRange(args: RangeArgs, now: Date, defaultDays: number): DayRange {
  const tomorrow = Math.floor(now.getTime() / 1000 / DAY) * DAY + DAY;
  const span = (start: number, end: number): DayRange => ({ start, end, days: Math.max(0, (end - start) / DAY) });
  if (args.since !== undefined) {
    const days = Math.max(1, Math.ceil(durationSeconds(args.since) / DAY));
    return span(tomorrow - days * DAY, tomorrow);
  }
  const end = args.to !== undefined ? Math.min((dayStart(args.to) as number) + DAY, tomorrow) : tomorrow;
  const start = args.from !== undefined ? (dayStart(args.from) as number) : end - defaultDays * DAY;
  return span(start, end);
}

/** `YYYY-MM-DD` of a Unix time (UTC). */
export const isoDay = (unixSeconds: number): string => new Date(unixSeconds * 1000).toISOString().slice(0, 10);

/** Days in words, e.g. `from 2026-02-14 to 2026-03-15 (30 days, UTC)` or `on 2026-03-15 (1 day, UTC)`. */
export function describeDays(range: DayRange): string {
  const first = isoDay(range.start);
  const last = isoDay(range.end - DAY);
  const count = `${range.days} day${range.days === 1 ? '' : 's'}, UTC`;
  return first === last ? `on ${first} (${count})` : `from ${first} to ${last} (${count})`;
}
