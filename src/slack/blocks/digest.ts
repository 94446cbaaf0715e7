import type { KnownBlock } from '@slack/types';
import {
  alertSummary,
  change,
  digestTitle,
  forecastText,
  formatPercent,
  sparkline,
  usageBar,
} from '../../domain/digests/digest-text.js';
import type { AlertUse, ProjectLine, SpendDigest } from '../../domain/digests/spend-digest.js';
import { formatCents, formatDollars } from '../../domain/money.js';
import { bold, code, escapeText } from '../mrkdwn.js';
import { LIMITS } from './limits.js';
import { context, header, message, packLines, type SlackMessage, section } from './message.js';

/** Longest project name shown; longer ones are cut so a digest's size stays bounded. */
const NAME_CHARS = 60;
const name = (text: string) => bold(text, NAME_CHARS);

/** `▓▓▓▓▓░░░░░` 52% of $1,000.00 (1 of 2 alerts passed), or a warning that there is no alert. */
function alertMrkdwn(alerts: readonly AlertUse[]): string {
  const summary = alertSummary(alerts);
  if (!summary) return '_no spend alert_';
  const { main, passed } = summary;
  const more = alerts.length > 1 ? ` (${passed} of ${alerts.length} alerts passed)` : '';
  const over = main.used >= 1 ? ' :warning:' : '';
  return `${code(usageBar(main.used))} ${formatPercent(main.used)} of ${formatCents(main.thresholdCents)}${more}${over}`;
}

export const projectLine = (line: ProjectLine): string =>
  `• ${name(line.name)}  ${formatDollars(line.spend)}  ·  ${alertMrkdwn(line.alerts)}`;

function summaryBlock(digest: SpendDigest): KnownBlock {
  const lines = [
    `*Month to date:* ${formatDollars(digest.total)} across ${digest.projectsWithSpend} project${digest.projectsWithSpend === 1 ? '' : 's'} with spend`,
  ];
  if (digest.orgAlerts.length > 0) lines.push(`*Organization:* ${alertMrkdwn(digest.orgAlerts)}`);
  if (digest.forecast) lines.push(`*Forecast:* ${escapeText(forecastText(digest.forecast, digest.daysInMonth))}`);
  if (digest.yesterday) {
    const { day, spend, average7 } = digest.yesterday;
    lines.push(
      `*Yesterday* (${day}): ${formatDollars(spend)} vs 7-day average ${formatDollars(average7)} (${change(spend, average7)})`,
    );
  }
  lines.push(`*Daily:* ${code(sparkline(digest.days.map((d) => d.spend)))}`);
  return section(lines.join('\n'));
}

function projectBlocks(digest: SpendDigest): KnownBlock[] {
  if (digest.projects.length === 0) return [];
  const lines = ['*Projects* (month to date against their largest spend alert)', ...digest.projects.map(projectLine)];
  if (digest.others) {
    const { count, spend } = digest.others;
    lines.push(`• …and ${count} more project${count === 1 ? '' : 's'}: ${formatDollars(spend)}`);
  }
  return packLines(lines).map((chunk) => section(chunk.text));
}

function moverBlock(digest: SpendDigest): KnownBlock[] {
  if (!digest.movers?.length) return [];
  const lines = digest.movers.map(
    (m) =>
      `• ${name(m.name)}  ${formatDollars(m.last7)} vs ${formatDollars(m.previous7)} (${change(m.last7, m.previous7)})`,
  );
  return [section(['*Biggest movers* (last 7 whole days vs the 7 before)', ...lines].join('\n'))];
}

function unalertedBlock(digest: SpendDigest): KnownBlock[] {
  const bare = digest.unalerted;
  if (!bare?.count) return [];
  const more = bare.count - bare.names.length;
  const names = bare.names.map((n) => name(n)).join(', ') + (more > 0 ? ` and ${more} more` : '');
  return [
    section(
      `:bell: *Spend but no spend alert* (${bare.count} project${bare.count === 1 ? '' : 's'}, ${formatDollars(bare.spend)}): ${names}`,
    ),
  ];
}

/** A spend digest as one Slack message within Block Kit limits, however many projects there are. */
export function renderDigest(digest: SpendDigest): SlackMessage {
  const title = digestTitle(digest);
  const blocks: KnownBlock[] = [
    header(title),
    summaryBlock(digest),
    ...projectBlocks(digest),
    ...moverBlock(digest),
    ...unalertedBlock(digest),
    context(
      'Days are UTC; OpenAI reports costs with a delay of a few hours. Forecast: spend over the whole days so far ' +
        '÷ those days × days in the month.',
    ),
  ];
  return message(title, blocks.slice(0, LIMITS.blocksPerMessage));
}
