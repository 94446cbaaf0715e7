import { usageBar } from '../../domain/digests/digest-text.js';
import type { SpendDigest } from '../../domain/digests/spend-digest.js';
import { formatDollars } from '../../domain/money.js';
import { escapeText } from '../mrkdwn.js';
import { context, message, type SlackMessage, section } from './message.js';

/**
 * The chart's stand-in when the image could not be uploaded: daily spend of the month as a text bar chart
 * in a code block (at most 31 short lines, well inside one section).
 */
export function renderChartFallback(digest: SpendDigest): SlackMessage {
  const max = Math.max(0, ...digest.days.map((d) => d.spend));
  const lines = digest.days.map(({ day, spend }) => {
    const amount = formatDollars(spend).padStart(12);
    return `${day.slice(5)} ${amount} ${usageBar(max > 0 ? spend / max : 0, 20)}`;
  });
  const text = `Daily spend, ${digest.monthLabel}`;
  return message(text, [
    section(`*${escapeText(text)}*\n\`\`\`${lines.join('\n') || 'No spend yet.'}\`\`\``),
    context('The chart image could not be attached, so here it is as text.'),
  ]);
}
