import type { AdminApi } from '../admin-api/admin-api.js';
import { collect } from '../admin-api/collect.js';
import { NotFoundApiError } from '../admin-api/errors.js';
import { DAY_MS, type MonthWindow, monthOf, startOfDay } from './calendar.js';
import { mapWithLimit } from './limit-concurrency.js';

/** Key of spend that the API reports without a project. */
export const NO_PROJECT = '';

/** One spend alert threshold, in integer cents as the API holds it. */
export interface AlertThreshold {
  readonly id: string;
  readonly cents: number;
}

/**
 * Everything a digest or a threshold check needs, read once from the Admin API. Spend is in dollars per UTC
 * day; `daily` arrays start at `firstDay` and hold `dayCount` days, the last one being the day of `asOf`
 * (today, partial, for the current month).
 */
export interface SpendSnapshot {
  readonly month: MonthWindow;
  /** When the figures were read; for a past month, the end of that month. */
  readonly asOf: number;
  /** The last whole day the figures cover ("yesterday" for the current month). */
  readonly lastFullDay: number;
  readonly firstDay: number;
  readonly dayCount: number;
  /** Dollars per day per project id (`NO_PROJECT` for spend without one). */
  readonly daily: ReadonlyMap<string, readonly number[]>;
  readonly names: ReadonlyMap<string, string>;
  /** Spend alerts of every project with spend this month (and of every requested project). */
  readonly projectAlerts: ReadonlyMap<string, readonly AlertThreshold[]>;
  /** The organization's spend alerts; undefined for a snapshot of chosen projects. */
  readonly orgAlerts: readonly AlertThreshold[] | undefined;
}

export interface SnapshotRequest {
  now: Date;
  /** Default: the month of `now`. */
  month?: MonthWindow;
  /** Only these projects; default every project. */
  projectIds?: readonly string[];
  /** Spend-alert calls in flight at once. */
  concurrency?: number;
}

/** Days before the last whole day that movers (7 vs the 7 before) and the 7-day average need. */
const HISTORY_DAYS = 13;

/** Reads costs, project names and spend alerts for one digest run; each is fetched once. */
export async function fetchSpendSnapshot(admin: AdminApi, request: SnapshotRequest): Promise<SpendSnapshot> {
  const now = request.now.getTime();
  const month = request.month ?? monthOf(now);
  const current = now < month.end;
  const asOf = current ? now : month.end;
  const endDay = current ? startOfDay(now) + DAY_MS : month.end;
  const lastFullDay = current ? startOfDay(now) - DAY_MS : month.end - DAY_MS;
  const firstDay = Math.min(month.start, lastFullDay - HISTORY_DAYS * DAY_MS);
  const dayCount = Math.round((endDay - firstDay) / DAY_MS);
  const scoped = request.projectIds !== undefined;
  const concurrency = request.concurrency ?? 8;

  const costsRead = readDailyCosts(admin, firstDay, Math.ceil(asOf / 1000), dayCount, request.projectIds);
  const alertsRead = costsRead.then((daily) => {
    const ids = request.projectIds ?? projectsWithSpend(daily, month.start, firstDay);
    return readProjectAlerts(admin, ids, concurrency);
  });
  const [daily, names, projectAlerts, orgAlerts] = await Promise.all([
    costsRead,
    readProjectNames(admin),
    alertsRead,
    scoped ? Promise.resolve(undefined) : readAlerts(admin, null),
  ]);
  return { month, asOf, lastFullDay, firstDay, dayCount, daily, names, projectAlerts, orgAlerts };
}

async function readDailyCosts(
  admin: AdminApi,
  firstDay: number,
  endTime: number,
  dayCount: number,
  projectIds: readonly string[] | undefined,
): Promise<Map<string, number[]>> {
  const daily = new Map<string, number[]>();
  const buckets = admin.reports.buckets('costs', {
    startTime: firstDay / 1000,
    endTime,
    groupBy: ['project_id'],
    ...(projectIds ? { projectIds } : {}),
  });
  for await (const bucket of buckets) {
    const index = Math.round((bucket.start_time * 1000 - firstDay) / DAY_MS);
    if (index < 0 || index >= dayCount) continue;
    for (const result of bucket.results) {
      const value = result.amount?.value ?? 0;
      if (value === 0) continue;
      const key = result.project_id ?? NO_PROJECT;
      let days = daily.get(key);
      if (!days) {
        days = new Array<number>(dayCount).fill(0);
        daily.set(key, days);
      }
      days[index] = (days[index] ?? 0) + value;
    }
  }
  return daily;
}

function projectsWithSpend(daily: ReadonlyMap<string, readonly number[]>, monthStart: number, firstDay: number) {
  const from = Math.round((monthStart - firstDay) / DAY_MS);
  return [...daily]
    .filter(([id, days]) => id !== NO_PROJECT && days.slice(from).some((value) => value > 0))
    .map(([id]) => id);
}

async function readProjectNames(admin: AdminApi): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for await (const project of admin.projects.list({ includeArchived: true })) {
    names.set(project.id, project.name ?? project.id);
  }
  return names;
}

async function readProjectAlerts(
  admin: AdminApi,
  projectIds: readonly string[],
  concurrency: number,
): Promise<Map<string, AlertThreshold[]>> {
  const lists = await mapWithLimit(projectIds, concurrency, (id) => readAlerts(admin, id));
  return new Map(projectIds.map((id, i) => [id, lists[i] ?? []]));
}

async function readAlerts(admin: AdminApi, projectId: string | null): Promise<AlertThreshold[]> {
  try {
    const alerts = await collect(admin.spendAlerts.list(projectId));
    return alerts.map((alert) => ({ id: alert.id, cents: alert.threshold_amount }));
  } catch (error) {
    // A project that was deleted since its costs were recorded has no alerts to compare against.
    if (error instanceof NotFoundApiError && projectId !== null) return [];
    throw error;
  }
}

/** Dollars a project (or all of them) spent on days `[from, to]` (ms, inclusive). */
export function spendBetween(snapshot: SpendSnapshot, days: readonly number[] | undefined, from: number, to: number) {
  if (!days) return 0;
  const first = Math.max(0, Math.round((from - snapshot.firstDay) / DAY_MS));
  const last = Math.min(snapshot.dayCount - 1, Math.round((to - snapshot.firstDay) / DAY_MS));
  let sum = 0;
  for (let i = first; i <= last; i++) sum += days[i] ?? 0;
  return sum;
}

/** Dollars spent this month up to `asOf`. */
export const monthToDate = (snapshot: SpendSnapshot, days: readonly number[] | undefined): number =>
  spendBetween(snapshot, days, snapshot.month.start, snapshot.asOf);

/** The display name of a project id (spend without a project gets a name of its own). */
export const projectName = (snapshot: SpendSnapshot, id: string): string =>
  id === NO_PROJECT ? '(no project)' : (snapshot.names.get(id) ?? id);
