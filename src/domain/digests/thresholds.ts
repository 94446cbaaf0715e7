import { type AlertThreshold, monthToDate, projectName, type SpendSnapshot } from './spend-snapshot.js';

/** Month-to-date spend at or past one level (e.g. 80%) of one spend alert. */
export interface ThresholdCrossing {
  /** The project, or null for an organization spend alert. */
  readonly projectId: string | null;
  readonly name: string;
  readonly alertId: string;
  readonly thresholdCents: number;
  /** Fraction of the threshold, e.g. 0.8. */
  readonly level: number;
  /** Dollars this month. */
  readonly spend: number;
  readonly monthKey: string;
  /** Once-only key: `alert:<project|org>:<alert>:<percent>:<YYYY-MM>`. */
  readonly key: string;
}

/** The default warning levels, as fractions of each spend alert's threshold. */
export const DEFAULT_ALERT_LEVELS: readonly number[] = [0.5, 0.8, 1];

const percent = (level: number) => Math.round(level * 100);

function crossingsOf(
  snapshot: SpendSnapshot,
  projectId: string | null,
  alerts: readonly AlertThreshold[],
  spend: number,
  levels: readonly number[],
): ThresholdCrossing[] {
  const spentCents = Math.round(spend * 100);
  const name = projectId === null ? 'Organization' : projectName(snapshot, projectId);
  return alerts
    .filter((alert) => alert.cents > 0)
    .flatMap((alert) =>
      levels
        .filter((level) => spentCents >= level * alert.cents)
        .map((level) => ({
          projectId,
          name,
          alertId: alert.id,
          thresholdCents: alert.cents,
          level,
          spend,
          monthKey: snapshot.month.key,
          key: `alert:${projectId ?? 'org'}:${alert.id}:${percent(level)}:${snapshot.month.key}`,
        })),
    );
}

/**
 * Every (spend alert, level) whose level the month-to-date spend has reached, for each project with alerts
 * and for the organization. Whether each was already announced is for the caller to settle (once per key).
 */
export function findCrossings(snapshot: SpendSnapshot, levels: readonly number[]): ThresholdCrossing[] {
  const found: ThresholdCrossing[] = [];
  for (const [projectId, alerts] of snapshot.projectAlerts) {
    found.push(
      ...crossingsOf(snapshot, projectId, alerts, monthToDate(snapshot, snapshot.daily.get(projectId)), levels),
    );
  }
  if (snapshot.orgAlerts) {
    let total = 0;
    for (const days of snapshot.daily.values()) total += monthToDate(snapshot, days);
    found.push(...crossingsOf(snapshot, null, snapshot.orgAlerts, total, levels));
  }
  return found;
}
