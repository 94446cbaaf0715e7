import { formatCents, formatDollars } from '../money.js';
import type { AlertUse, Forecast, Mover, ProjectLine, SpendDigest } from './spend-digest.js';

/** `52%`; under 1% shows one decimal so small use is not shown as zero. */
export const formatPercent = (used: number): string =>
  used > 0 && used < 0.01 ? `${(used * 100).toFixed(1)}%` : `${Math.round(used * 100)}%`;

/** A text bar of `width` cells, e.g. `▓▓▓▓▓░░░░░` for 50%; full at 100% and beyond. */
export function usageBar(used: number, width = 10): string {
  const filled = Math.max(0, Math.min(width, Math.round(used * width)));
  return '▓'.repeat(filled) + '░'.repeat(width - filled);
}

const SPARKS = '▁▂▃▄▅▆▇█';

/** One block character per value, scaled to the largest, e.g. `▁▃▅█`. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values.map((value) => (max <= 0 ? SPARKS[0] : SPARKS[Math.min(7, Math.round((value / max) * 7))])).join('');
}

/** `+14%`, `-3%`, or `new` when there was nothing to compare with. */
export function change(now: number, before: number): string {
  if (before <= 0) return now > 0 ? 'new' : '0%';
  const ratio = (now - before) / before;
  return `${ratio >= 0 ? '+' : ''}${Math.round(ratio * 100)}%`;
}

/** The alert a project's bar is drawn against: its largest; and how many of its alerts are passed. */
export function alertSummary(alerts: readonly AlertUse[]): { main: AlertUse; passed: number } | undefined {
  const main = alerts.at(-1);
  return main ? { main, passed: alerts.filter((alert) => alert.used >= 1).length } : undefined;
}

/** `▓▓▓▓▓░░░░░ 52% of $1,000.00 (1 of 2 alerts passed)` or `no spend alert`. */
export function alertText(alerts: readonly AlertUse[]): string {
  const summary = alertSummary(alerts);
  if (!summary) return 'no spend alert';
  const { main, passed } = summary;
  const more = alerts.length > 1 ? ` (${passed} of ${alerts.length} alerts passed)` : '';
  return `${usageBar(main.used)} ${formatPercent(main.used)} of ${formatCents(main.thresholdCents)}${more}`;
}

/** How the forecast was computed, in words. */
export function forecastText(forecast: Forecast, daysInMonth: number): string {
  if (forecast.kind === 'complete') return `Month complete: ${formatDollars(forecast.amount)} in total.`;
  if (forecast.kind === 'too-early') return 'Forecast from the 2nd of the month, once a whole day has passed.';
  return (
    `${formatDollars(forecast.amount)} by month end: ${formatDollars(forecast.spentInCompleteDays)} over ` +
    `${forecast.completeDays} whole day${forecast.completeDays === 1 ? '' : 's'} ÷ ${forecast.completeDays} × ${daysInMonth} days.`
  );
}

export const projectText = (line: ProjectLine): string =>
  `${line.name}: ${formatDollars(line.spend)} · ${alertText(line.alerts)}`;

export const moverText = (mover: Mover): string =>
  `${mover.name}: ${formatDollars(mover.last7)} in the last 7 days vs ${formatDollars(mover.previous7)} (${change(mover.last7, mover.previous7)})`;

export const yesterdayText = (yesterday: NonNullable<SpendDigest['yesterday']>): string =>
  `Yesterday (${yesterday.day}): ${formatDollars(yesterday.spend)} vs 7-day average ${formatDollars(yesterday.average7)} ` +
  `(${change(yesterday.spend, yesterday.average7)})`;

/** The title line, e.g. `Spend digest · March 2026 · month to date`. */
export function digestTitle(digest: SpendDigest): string {
  const scope = digest.scope ? ` · ${digest.scope.join(', ')}` : '';
  return `Spend digest · ${digest.monthLabel}${digest.monthComplete ? '' : ' · month to date'}${scope}`;
}

/** The digest as plain lines, for terminals and text fallbacks. */
export function digestLines(digest: SpendDigest): string[] {
  const lines = [`Total: ${formatDollars(digest.total)} across ${digest.projectsWithSpend} project(s) with spend.`];
  if (digest.orgAlerts.length > 0) lines.push(`Organization: ${alertText(digest.orgAlerts)}`);
  if (digest.forecast) lines.push(`Forecast: ${forecastText(digest.forecast, digest.daysInMonth)}`);
  if (digest.yesterday) lines.push(yesterdayText(digest.yesterday));
  lines.push(`Daily: ${sparkline(digest.days.map((d) => d.spend))}`);
  for (const line of digest.projects) lines.push(`• ${projectText(line)}`);
  if (digest.others) lines.push(`• ${digest.others.count} more project(s): ${formatDollars(digest.others.spend)}`);
  if (digest.movers?.length) lines.push('Biggest movers:', ...digest.movers.map((m) => `• ${moverText(m)}`));
  if (digest.unalerted?.count) {
    const more = digest.unalerted.count - digest.unalerted.names.length;
    lines.push(
      `Spend but no spend alert (${digest.unalerted.count}, ${formatDollars(digest.unalerted.spend)}): ` +
        `${digest.unalerted.names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
    );
  }
  return lines;
}
