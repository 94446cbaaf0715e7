import type { KnownBlock } from '@slack/types';
import { formatPercent, usageBar } from '../../domain/digests/digest-text.js';
import type { ThresholdCrossing } from '../../domain/digests/thresholds.js';
import { formatCents, formatDollars } from '../../domain/money.js';
import { bold, code, escapeText } from '../mrkdwn.js';
import { LIMITS } from './limits.js';
import { context, message, packLines, type SlackMessage, section } from './message.js';

const percent = (level: number) => `${Math.round(level * 100)}%`;

/** `50%`, `50% and 80%`, `50%, 80% and 100%`. */
const levelList = (levels: readonly number[]): string => {
  const shown = levels.map(percent);
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
};

/** One alert's newly reached levels (all of the same alert and month), as one line. */
const alertLine = (group: readonly ThresholdCrossing[]): string => {
  const first = group[0] as ThresholdCrossing;
  const used = (first.spend * 100) / first.thresholdCents;
  const who = first.projectId === null ? bold('Organization') : bold(first.name, 120);
  const id = first.projectId ? ` ${code(first.projectId)}` : '';
  const levels = levelList(group.map((c) => c.level).sort((a, b) => a - b));
  return (
    `• ${who}${id} reached ${levels} of its ${formatCents(first.thresholdCents)} spend alert: ` +
    `${formatDollars(first.spend)} this month ${code(usageBar(used))} ${formatPercent(used)}`
  );
};

/**
 * Newly reached spend-alert levels as one message, one line per alert naming every level it reached since the
 * last announcement (a jump from 40% to 90% says "50% and 80%"), most used alerts first.
 */
export function renderCrossings(crossings: readonly ThresholdCrossing[]): SlackMessage {
  const byAlert = new Map<string, ThresholdCrossing[]>();
  for (const crossing of crossings) {
    const key = `${crossing.projectId ?? 'org'}:${crossing.alertId}`;
    byAlert.set(key, [...(byAlert.get(key) ?? []), crossing]);
  }
  const topLevel = (group: readonly ThresholdCrossing[]) => Math.max(...group.map((c) => c.level));
  const groups = [...byAlert.values()].sort(
    (a, b) => topLevel(b) - topLevel(a) || (b[0]?.spend ?? 0) - (a[0]?.spend ?? 0),
  );
  const month = crossings[0]?.monthKey ?? '';
  const title = `Spend alert: ${groups.length} spend alert${groups.length === 1 ? '' : 's'} reached new levels in ${month}`;
  const blocks: KnownBlock[] = [section(`:rotating_light: ${bold(title)}`)];
  const footer = context(escapeText('Each level is announced once a month. /openai spend shows the full digest.'));
  // Room for the footer and a "more" note, so the message stays under Slack's total size limit.
  let room = LIMITS.charsPerMessage - JSON.stringify([...blocks, footer]).length - 200;
  let shown = 0;
  for (const chunk of packLines(groups.map(alertLine))) {
    const block = section(chunk.text);
    const size = JSON.stringify(block).length;
    if (size > room || blocks.length + 3 > LIMITS.blocksPerMessage) break;
    blocks.push(block);
    room -= size;
    shown += chunk.lines;
  }
  if (shown < groups.length) blocks.push(context(`…and ${groups.length - shown} more spend alerts.`));
  blocks.push(footer);
  return message(title, blocks);
}
