import { DAY_MS, dayKey } from './calendar.js';
import type { ChartSeries, Forecast, Mover, ProjectLine } from './digest-parts.js';
import { NO_PROJECT, projectName, type SpendSnapshot, spendBetween } from './spend-snapshot.js';

/** Sum of `spend` over lines. */
export const sumOf = (lines: readonly { spend: number }[]) => lines.reduce((sum, line) => sum + line.spend, 0);

/** Spend per day of the month up to the snapshot's day (today, partial, for the current month). */
export function monthDays(snapshot: SpendSnapshot, series: readonly (readonly number[])[]) {
  const out: { day: string; spend: number }[] = [];
  for (let at = snapshot.month.start; at < snapshot.month.end && at <= snapshot.asOf; at += DAY_MS) {
    out.push({ day: dayKey(at), spend: series.reduce((sum, days) => sum + spendBetween(snapshot, days, at, at), 0) });
  }
  return out;
}

/**
 * Month-end forecast, linear by whole days: spend over the whole days so far ÷ those days × days in the month.
 * A finished month reports its total; before the first whole day there is none.
 */
export function forecastOf(snapshot: SpendSnapshot, days: readonly { spend: number }[], total: number): Forecast {
  if (snapshot.asOf >= snapshot.month.end) return { kind: 'complete', amount: total };
  const completeDays = Math.round((snapshot.lastFullDay + DAY_MS - snapshot.month.start) / DAY_MS);
  if (completeDays <= 0) return { kind: 'too-early' };
  const spentInCompleteDays = sumOf(days.slice(0, completeDays));
  const amount = (spentInCompleteDays / completeDays) * snapshot.month.days;
  return { kind: 'projected', amount, completeDays, daysInMonth: snapshot.month.days, spentInCompleteDays };
}

/** The last whole day's spend and the average of the 7 days before it. */
export function yesterdayOf(snapshot: SpendSnapshot, series: readonly (readonly number[])[]) {
  const day = snapshot.lastFullDay;
  const spend = series.reduce((sum, days) => sum + spendBetween(snapshot, days, day, day), 0);
  const week = series.reduce((sum, days) => sum + spendBetween(snapshot, days, day - 7 * DAY_MS, day - DAY_MS), 0);
  return { day: dayKey(day), spend, average7: week / 7 };
}

/** Projects whose spend changed most between the last 7 whole days and the 7 before, biggest change first. */
export function moversOf(
  snapshot: SpendSnapshot,
  series: readonly [string, readonly number[]][],
  count: number,
): Mover[] {
  const end = snapshot.lastFullDay;
  return series
    .map(([id, days]) => ({
      name: projectName(snapshot, id),
      last7: spendBetween(snapshot, days, end - 6 * DAY_MS, end),
      previous7: spendBetween(snapshot, days, end - 13 * DAY_MS, end - 7 * DAY_MS),
    }))
    .filter((mover) => Math.abs(mover.last7 - mover.previous7) >= 0.005)
    .sort((a, b) => Math.abs(b.last7 - b.previous7) - Math.abs(a.last7 - a.previous7) || a.name.localeCompare(b.name))
    .slice(0, count);
}

/** Projects with spend this month and no spend alert at all (names of the biggest spenders, count, sum). */
export function unalertedOf(snapshot: SpendSnapshot, lines: readonly ProjectLine[], count: number) {
  const bare = lines.filter(
    (line) =>
      line.spend > 0 &&
      line.projectId !== NO_PROJECT &&
      snapshot.projectAlerts.has(line.projectId) &&
      line.alerts.length === 0,
  );
  return { names: bare.slice(0, count).map((line) => line.name), count: bare.length, spend: sumOf(bare) };
}

/** Daily series for the chart: the top projects one by one, the rest summed in one series. */
export function chartOf(snapshot: SpendSnapshot, lines: readonly ProjectLine[], count: number): ChartSeries[] {
  const upTo = Math.min(snapshot.month.days, Math.round((snapshot.asOf - snapshot.month.start) / DAY_MS) + 1);
  const valuesOf = (ids: readonly string[]) =>
    Array.from({ length: upTo }, (_, i) => {
      const at = snapshot.month.start + i * DAY_MS;
      return ids.reduce((sum, id) => sum + spendBetween(snapshot, snapshot.daily.get(id), at, at), 0);
    });
  const top = lines.filter((line) => line.spend > 0).slice(0, count);
  const rest = lines.filter((line) => line.spend > 0).slice(count);
  const series: ChartSeries[] = top.map((line) => ({ name: line.name, values: valuesOf([line.projectId]) }));
  if (rest.length > 0)
    series.push({
      name: `${rest.length} other${rest.length === 1 ? '' : 's'}`,
      values: valuesOf(rest.map((l) => l.projectId)),
      rest: true,
    });
  return series;
}
