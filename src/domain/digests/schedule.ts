import { Cron } from 'croner';

/** A digest schedule: a 5-field cron expression read in an IANA time zone. */
export interface Schedule {
  readonly cron: string;
  readonly timezone: string;
}

/** Why a schedule was refused, in words for the person who typed it. */
export class ScheduleError extends Error {}

export const SCHEDULE_FORMS =
  'daily 09:00 Europe/Berlin, weekdays 09:00 UTC, weekly mon 09:00 America/New_York, monthly 1 09:00 Asia/Tokyo, ' +
  'or a quoted cron expression: "0 9 * * 1-5" Europe/Berlin';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const MIN_GAP_MS = 3_600_000;

/** The canonical IANA name of a time zone (`europe/berlin` → `Europe/Berlin`), or a ScheduleError. */
export function checkTimeZone(text: string | undefined): string {
  if (!text) throw new ScheduleError('Add a time zone after the time, e.g. Europe/Berlin, America/New_York or UTC.');
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    throw new ScheduleError(
      `"${text}" is not a time zone; use an IANA name such as Europe/Berlin, America/New_York or UTC.`,
    );
  }
}

function parseTime(text: string | undefined, form: string): { hour: number; minute: number } {
  if (!text) throw new ScheduleError(`Add a time and a time zone: ${form} 09:00 Europe/Berlin.`);
  const match = TIME.exec(text);
  if (!match) throw new ScheduleError(`"${text}" is not a time; use HH:MM in 24-hour form, e.g. 09:00 or 17:30.`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function parseWeekday(text: string | undefined): number {
  const typed = text?.toLowerCase() ?? '';
  const index = DAY_NAMES.findIndex((name) => typed.length >= 3 && name.toLowerCase().startsWith(typed));
  if (!text || index === -1) {
    throw new ScheduleError(
      `${text ? `"${text}" is not a day of the week; use` : 'Say which day:'} mon, tue, wed, thu, fri, sat or sun.`,
    );
  }
  return index;
}

function parseMonthDay(text: string | undefined): number {
  const day = text && /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN;
  if (!(day >= 1 && day <= 28)) {
    throw new ScheduleError(
      `${text ? `"${text}" is not a day of the month we can use;` : 'Say which day of the month:'} use 1 to 28 (not every ` +
        'month has a 29th, 30th or 31st; for the last day use the cron expression "0 9 L * *").',
    );
  }
  return day;
}

/** Checks a 5-field cron expression: valid, fires at all, and at most once an hour. */
export function checkCron(cron: string, timezone: string): string {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw new ScheduleError(
      `"${cron}" is not a cron expression of 5 fields (minute hour day-of-month month day-of-week), e.g. "0 9 * * 1-5".`,
    );
  }
  let job: Cron;
  try {
    job = new Cron(fields.join(' '), { timezone, paused: true });
  } catch (error) {
    throw new ScheduleError(
      `"${cron}" is not a valid cron expression: ${(error as Error).message.replace(/^CronPattern: /, '')}.`,
    );
  }
  const runs = job.nextRuns(25);
  if (runs.length === 0) throw new ScheduleError(`"${cron}" never fires (no date matches it).`);
  for (let i = 1; i < runs.length; i++) {
    const gap = (runs[i] as Date).getTime() - (runs[i - 1] as Date).getTime();
    if (gap < MIN_GAP_MS) {
      throw new ScheduleError(
        `"${cron}" would post every ${Math.round(gap / 60_000)} minutes; a digest may go out at most once an hour.`,
      );
    }
  }
  return fields.join(' ');
}

const KEYWORDS = new Set(['daily', 'weekdays', 'weekly', 'monthly']);

/**
 * Splits a schedule typed on one line (a form field) into the words the command would have: a keyword form
 * word by word, a cron expression as its first five fields then the time zone.
 */
export function scheduleWords(words: readonly string[]): string[] {
  const only = words.length === 1 ? words[0]?.replace(/["“”']/g, '').trim() : undefined;
  if (!only || !/\s/.test(only)) return [...words];
  const parts = only.split(/\s+/);
  if (KEYWORDS.has(parts[0]?.toLowerCase() ?? '') || parts.length < 5) return parts;
  return [parts.slice(0, 5).join(' '), ...parts.slice(5)];
}

/**
 * Reads the words after `digest subscribe`: `daily 09:00 <tz>`, `weekdays 09:00 <tz>`, `weekly mon 09:00 <tz>`,
 * `monthly 1 09:00 <tz>` or `"<cron>" <tz>`. Throws ScheduleError naming what was wrong.
 */
export function parseSchedule(words: readonly string[]): Schedule {
  const [first = '', ...rest] = words;
  const kind = first.toLowerCase();
  const expect = (count: number, form: string) => {
    if (rest.length > count)
      throw new ScheduleError(`Unexpected words after the time zone: ${rest.slice(count).join(' ')}. Use ${form}.`);
  };
  if (kind === 'daily' || kind === 'weekdays') {
    expect(2, `${kind} 09:00 Europe/Berlin`);
    const { hour, minute } = parseTime(rest[0], kind);
    const timezone = checkTimeZone(rest[1]);
    return { cron: `${minute} ${hour} * * ${kind === 'daily' ? '*' : '1-5'}`, timezone };
  }
  if (kind === 'weekly' || kind === 'monthly') {
    expect(3, `${kind} ${kind === 'weekly' ? 'mon' : '1'} 09:00 Europe/Berlin`);
    const day = kind === 'weekly' ? parseWeekday(rest[0]) : parseMonthDay(rest[0]);
    const { hour, minute } = parseTime(rest[1], `${kind} ${rest[0]}`);
    const timezone = checkTimeZone(rest[2]);
    return { cron: kind === 'weekly' ? `${minute} ${hour} * * ${day}` : `${minute} ${hour} ${day} * *`, timezone };
  }
  if (/\s/.test(first.trim()) || first.includes('*')) {
    expect(1, `"${first}" Europe/Berlin`);
    const timezone = checkTimeZone(rest[0]);
    return { cron: checkCron(first, timezone), timezone };
  }
  throw new ScheduleError(`"${first}" is not a schedule; use ${SCHEDULE_FORMS}.`);
}

const pad = (n: string) => n.padStart(2, '0');

/** Plain words for a schedule, e.g. `daily at 09:00 (Europe/Berlin)` or `cron "0 9 * * 1-5" (UTC)`. */
export function describeSchedule(schedule: Schedule): string {
  const [minute = '', hour = '', dom = '', month = '', dow = ''] = schedule.cron.split(' ');
  const fixedTime = /^\d+$/.test(minute) && /^\d+$/.test(hour) && month === '*';
  const at = `${pad(hour)}:${pad(minute)}`;
  let words = `cron "${schedule.cron}"`;
  if (fixedTime && dom === '*' && dow === '*') words = `daily at ${at}`;
  else if (fixedTime && dom === '*' && dow === '1-5') words = `weekdays at ${at}`;
  else if (fixedTime && dom === '*' && /^[0-6]$/.test(dow)) words = `every ${DAY_NAMES[Number(dow)]} at ${at}`;
  else if (fixedTime && /^\d+$/.test(dom) && dow === '*') words = `monthly on day ${dom} at ${at}`;
  return `${words} (${schedule.timezone})`;
}

const jobOf = (schedule: Schedule) => new Cron(schedule.cron, { timezone: schedule.timezone, paused: true });

/** The next time the schedule fires after `after`. */
export const nextRun = (schedule: Schedule, after: Date): Date | undefined =>
  jobOf(schedule).nextRun(after) ?? undefined;

/** The latest time the schedule fired in `(after, upTo]`, if any: the one digest owed for that span. */
export function latestRun(schedule: Schedule, after: Date, upTo: Date): Date | undefined {
  const job = jobOf(schedule);
  let latest: Date | undefined;
  for (let run = job.nextRun(after); run && run.getTime() <= upTo.getTime(); run = job.nextRun(run)) latest = run;
  return latest;
}
