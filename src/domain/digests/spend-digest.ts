import { monthLabel } from './calendar.js';
import { chartOf, forecastOf, monthDays, moversOf, sumOf, unalertedOf, yesterdayOf } from './digest-figures.js';
import type { AlertUse, ChartSeries, Forecast, Mover, ProjectLine } from './digest-parts.js';
import { isShown } from './sections.js';
import { type AlertThreshold, monthToDate, projectName, type SpendSnapshot } from './spend-snapshot.js';

export type { AlertUse, ChartSeries, Forecast, Mover, ProjectLine };

/** A spend digest's figures, independent of how they are shown. Dollars are floats; thresholds are cents. */
export interface SpendDigest {
  readonly monthKey: string;
  readonly monthLabel: string;
  readonly asOf: number;
  readonly monthComplete: boolean;
  /** Names of the chosen projects; undefined for the whole organization. */
  readonly scope: readonly string[] | undefined;
  readonly total: number;
  readonly projectsWithSpend: number;
  readonly orgAlerts: readonly AlertUse[];
  /** The biggest spenders, biggest first. */
  readonly projects: readonly ProjectLine[];
  /** The projects after the top ones, summed. */
  readonly others: { readonly count: number; readonly spend: number } | undefined;
  readonly forecast: Forecast | undefined;
  readonly yesterday: { readonly day: string; readonly spend: number; readonly average7: number } | undefined;
  readonly movers: readonly Mover[] | undefined;
  readonly unalerted: { readonly names: readonly string[]; readonly count: number; readonly spend: number } | undefined;
  /** Spend per day of the month so far (for the chart and its text fallback). */
  readonly days: readonly { readonly day: string; readonly spend: number }[];
  readonly daysInMonth: number;
  readonly chart: readonly ChartSeries[] | undefined;
}

export interface DigestOptions {
  /** Only these projects; default every project. */
  projectIds?: readonly string[] | null;
  /** Sections left out (see DIGEST_SECTIONS). */
  muted?: readonly string[];
  /** Projects listed one by one; the rest are summed. */
  topProjects?: number;
  /** Names listed among projects with spend but no alert. */
  topUnalerted?: number;
  topMovers?: number;
  chartSeries?: number;
}

const alertUses = (alerts: readonly AlertThreshold[] | undefined, spend: number): AlertUse[] =>
  (alerts ?? [])
    .filter((alert) => alert.cents > 0)
    .map((alert) => ({ alertId: alert.id, thresholdCents: alert.cents, used: (spend * 100) / alert.cents }))
    .sort((a, b) => a.thresholdCents - b.thresholdCents);

/** Computes a digest from a snapshot: month to date per project, forecast, yesterday, movers, unalerted. */
export function buildDigest(snapshot: SpendSnapshot, options: DigestOptions = {}): SpendDigest {
  const muted = options.muted ?? [];
  const wanted = options.projectIds ? new Set(options.projectIds) : undefined;
  const inScope = [...snapshot.daily].filter(([id]) => !wanted || wanted.has(id));
  const lines: ProjectLine[] = inScope
    .map(([id, days]) => {
      const spend = monthToDate(snapshot, days);
      return {
        projectId: id,
        name: projectName(snapshot, id),
        spend,
        alerts: alertUses(snapshot.projectAlerts.get(id), spend),
      };
    })
    .filter((line) => line.spend > 0)
    .sort((a, b) => b.spend - a.spend || a.name.localeCompare(b.name));
  for (const id of wanted ?? []) {
    if (!lines.some((line) => line.projectId === id)) {
      lines.push({
        projectId: id,
        name: projectName(snapshot, id),
        spend: 0,
        alerts: alertUses(snapshot.projectAlerts.get(id), 0),
      });
    }
  }
  const total = lines.reduce((sum, line) => sum + line.spend, 0);
  const top = options.topProjects ?? 10;
  const rest = lines.slice(top);
  const days = monthDays(
    snapshot,
    inScope.map(([, d]) => d),
  );
  return {
    monthKey: snapshot.month.key,
    monthLabel: monthLabel(snapshot.month),
    asOf: snapshot.asOf,
    monthComplete: snapshot.asOf >= snapshot.month.end,
    scope: wanted ? [...wanted].map((id) => projectName(snapshot, id)) : undefined,
    total,
    projectsWithSpend: lines.filter((line) => line.spend > 0).length,
    orgAlerts: wanted ? [] : alertUses(snapshot.orgAlerts, total),
    projects: isShown(muted, 'projects') ? lines.slice(0, top) : [],
    others: isShown(muted, 'projects') && rest.length > 0 ? { count: rest.length, spend: sumOf(rest) } : undefined,
    forecast: isShown(muted, 'forecast') ? forecastOf(snapshot, days, total) : undefined,
    yesterday: isShown(muted, 'yesterday')
      ? yesterdayOf(
          snapshot,
          inScope.map(([, d]) => d),
        )
      : undefined,
    movers: isShown(muted, 'movers') ? moversOf(snapshot, inScope, options.topMovers ?? 5) : undefined,
    unalerted: isShown(muted, 'unalerted') ? unalertedOf(snapshot, lines, options.topUnalerted ?? 10) : undefined,
    days,
    daysInMonth: snapshot.month.days,
    chart: isShown(muted, 'chart') ? chartOf(snapshot, lines, options.chartSeries ?? 5) : undefined,
  };
}
