import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayStart,
  describeDays,
  describeRange,
  durationError,
  durationSeconds,
  rangeError,
  resolveDayRange,
  resolveRange,
} from '../../src/domain/time-range.js';

const NOW = new Date('2026-11-20T15:00:00Z');
const unix = (iso: string) => Date.parse(iso) / 1000;

describe('durations', () => {
  it.each([
    ['30m', 1_800],
    ['24h', 86_400],
    ['7d', 604_800],
    ['2w', 1_209_600],
    [' 7D ', 604_800],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(durationError(text)).toBeUndefined();
    expect(durationSeconds(text)).toBe(seconds);
  });

  it.each(['7', 'd7', '7x', '1.5h', '-3d', '', '7 days', '1234567d'])('refuses "%s" naming the value', (text) => {
    expect(durationError(text)).toBe(
      `--since "${text}" is not a duration; write a number and a unit (m, h, d or w), e.g. 30m, 24h or 7d.`,
    );
  });

  it('refuses an empty span', () => {
    expect(durationError('0h')).toBe('--since 0h is an empty span; give at least 1h.');
  });
});

describe('UTC days', () => {
  it('reads real dates only, leap days included', () => {
    expect(dayStart('2026-11-01')).toBe(unix('2026-11-01T00:00:00Z'));
    expect(dayStart('2028-02-29')).toBe(unix('2028-02-29T00:00:00Z'));
    for (const bad of ['2026-02-29', '2026-13-01', '2026-11-31', '2026-1-1', '01/11/2026', '2026-11-01T00:00']) {
      expect(dayStart(bad)).toBeUndefined();
    }
  });

  it('agrees with Date for every day of four centuries', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2299-12-31'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        expect(dayStart(day)).toBe(Date.parse(`${day}T00:00:00Z`) / 1000);
      }),
    );
  });
});

describe('ranges', () => {
  it('counts --since back from now', () => {
    expect(resolveRange({ since: '24h' }, NOW)).toEqual({ gte: unix('2026-11-19T15:00:00Z') });
  });

  it('includes the whole --to day', () => {
    expect(resolveRange({ from: '2026-11-01', to: '2026-11-20' }, NOW)).toEqual({
      gte: unix('2026-11-01T00:00:00Z'),
      lt: unix('2026-11-21T00:00:00Z'),
    });
    expect(resolveRange({ to: '2026-11-20' }, NOW)).toEqual({ lt: unix('2026-11-21T00:00:00Z') });
    expect(resolveRange({ from: '2026-11-20', to: '2026-11-20' }, NOW)).toEqual({
      gte: unix('2026-11-20T00:00:00Z'),
      lt: unix('2026-11-21T00:00:00Z'),
    });
  });

  it('names the argument each problem concerns', () => {
    expect(rangeError({ since: '7d', to: '2026-11-01' })).toEqual({
      field: 'since',
      message: 'Use either --since or --from/--to, not both.',
    });
    expect(rangeError({ from: '2026-11-02', to: '2026-11-01' })).toEqual({
      field: 'to',
      message: '--from 2026-11-02 is after --to 2026-11-01.',
    });
    expect(rangeError({ to: 'tomorrow' })?.field).toBe('to');
    expect(rangeError({ from: '2026-11-01', to: '2026-11-01' })).toBeUndefined();
    expect(rangeError({})).toBeUndefined();
  });

  it('describes a range in UTC words', () => {
    expect(describeRange({ gte: unix('2026-11-13T15:00:00Z') })).toBe('since 2026-11-13 15:00 UTC');
    expect(describeRange({})).toBeUndefined();
  });
});

describe('UTC day ranges for daily reports', () => {
  const days = (args: Parameters<typeof resolveDayRange>[0]) => {
    const range = resolveDayRange(args, NOW, 30);
    return [new Date(range.start * 1000).toISOString().slice(0, 10), range.days];
  };

  it('covers the last 30 days, today included, by default and for --since 30d', () => {
    expect(resolveDayRange({}, NOW, 30)).toEqual({
      start: unix('2026-10-22T00:00:00Z'),
      end: unix('2026-11-21T00:00:00Z'),
      days: 30,
    });
    expect(resolveDayRange({ since: '30d' }, NOW, 30)).toEqual(resolveDayRange({}, NOW, 30));
  });

  it.each([
    ['30m', '2026-11-20', 1],
    ['24h', '2026-11-20', 1],
    ['25h', '2026-11-19', 2],
    ['7d', '2026-11-14', 7],
    ['2w', '2026-11-07', 14],
  ])('rounds --since %s up to whole days (from %s, %i days)', (since, first, count) => {
    expect(days({ since })).toEqual([first, count]);
  });

  it('runs --from to today, ends --to on that day (never after today), and leaves no days after today', () => {
    expect(days({ from: '2026-11-01' })).toEqual(['2026-11-01', 20]);
    expect(days({ to: '2026-10-31' })).toEqual(['2026-10-02', 30]);
    expect(days({ from: '2026-11-01', to: '2027-01-01' })).toEqual(['2026-11-01', 20]);
    expect(resolveDayRange({ from: '2026-11-21' }, NOW, 30).days).toBe(0);
  });

  it('describes days inclusively', () => {
    expect(describeDays(resolveDayRange({ since: '7d' }, NOW, 30))).toBe('from 2026-11-14 to 2026-11-20 (7 days, UTC)');
    expect(describeDays(resolveDayRange({ since: '1h' }, NOW, 30))).toBe('on 2026-11-20 (1 day, UTC)');
  });
});
