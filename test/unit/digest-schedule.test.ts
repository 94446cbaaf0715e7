import { describe, expect, it } from 'vitest';
import {
  describeSchedule,
  latestRun,
  nextRun,
  parseSchedule,
  ScheduleError,
  scheduleWords,
} from '../../src/domain/digests/schedule.js';

describe('digest schedules', () => {
  it.each([
    [['daily', '09:00', 'Europe/Berlin'], '0 9 * * *', 'daily at 09:00 (Europe/Berlin)'],
    [['weekdays', '7:30', 'utc'], '30 7 * * 1-5', 'weekdays at 07:30 (UTC)'],
    [['weekly', 'Monday', '09:00', 'America/New_York'], '0 9 * * 1', 'every Monday at 09:00 (America/New_York)'],
    [['weekly', 'sun', '18:05', 'Asia/Tokyo'], '5 18 * * 0', 'every Sunday at 18:05 (Asia/Tokyo)'],
    [['monthly', '1', '09:00', 'UTC'], '0 9 1 * *', 'monthly on day 1 at 09:00 (UTC)'],
    [['0 9 * * 1-5', 'Europe/Berlin'], '0 9 * * 1-5', 'weekdays at 09:00 (Europe/Berlin)'],
    [['0 9 L * *', 'UTC'], '0 9 L * *', 'cron "0 9 L * *" (UTC)'],
  ])('reads %j as cron %s', (words, cron, words2) => {
    const schedule = parseSchedule(words);
    expect(schedule.cron).toBe(cron);
    expect(describeSchedule(schedule)).toBe(words2);
  });

  it('splits a schedule typed on one form line like the command does', () => {
    expect(scheduleWords(['daily 09:00 Europe/Berlin'])).toEqual(['daily', '09:00', 'Europe/Berlin']);
    expect(scheduleWords(['"0 9 * * 1-5" Europe/Berlin'])).toEqual(['0 9 * * 1-5', 'Europe/Berlin']);
    expect(scheduleWords(['0 9 * * 1-5', 'UTC'])).toEqual(['0 9 * * 1-5', 'UTC']);
  });

  it.each([
    [['daily', '24:00', 'UTC'], '"24:00" is not a time'],
    [['daily', '09:00', 'UTC', 'extra'], 'Unexpected words after the time zone: extra.'],
    [['weekly', '09:00', 'UTC'], '"09:00" is not a day of the week'],
    [['monthly', '0', '09:00', 'UTC'], '"0" is not a day of the month we can use'],
    [['0 0 30 2 *', 'UTC'], 'never fires'],
    [['0 */2 * * *', 'Mars/Olympus'], '"Mars/Olympus" is not a time zone'],
    [['0,30 9 * * *', 'UTC'], 'would post every 30 minutes'],
  ])('refuses %j', (words, message) => {
    expect(() => parseSchedule(words)).toThrow(ScheduleError);
    expect(() => parseSchedule(words)).toThrow(message);
  });

  it('fires at the local time across a daylight-saving change', () => {
    const schedule = parseSchedule(['daily', '09:00', 'Europe/Berlin']);
    // Berlin moves from UTC+1 to UTC+2 on 2026-03-29.
    expect(nextRun(schedule, new Date('2026-03-28T12:00:00Z'))?.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(nextRun(schedule, new Date('2026-03-27T12:00:00Z'))?.toISOString()).toBe('2026-03-28T08:00:00.000Z');
  });

  it('finds the one latest run in a window, and none when the window holds no run', () => {
    const schedule = parseSchedule(['daily', '09:00', 'UTC']);
    const latest = latestRun(schedule, new Date('2026-03-10T00:00:00Z'), new Date('2026-03-13T10:00:00Z'));
    expect(latest?.toISOString()).toBe('2026-03-13T09:00:00.000Z');
    expect(latestRun(schedule, new Date('2026-03-13T09:00:00Z'), new Date('2026-03-14T08:59:59Z'))).toBeUndefined();
    expect(latestRun(schedule, new Date('2026-03-13T08:59:59Z'), new Date('2026-03-13T09:00:00Z'))?.toISOString()).toBe(
      '2026-03-13T09:00:00.000Z',
    );
  });
});
