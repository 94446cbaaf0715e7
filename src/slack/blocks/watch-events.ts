import type { KnownBlock } from '@slack/types';
import type { AuditLog } from '../../domain/admin-api/audit-logs.js';
import { eventDetail, eventHeading } from '../../domain/audit-logs/event-line.js';
import { code, escapeText, truncate } from '../mrkdwn.js';
import { context, message, type SlackMessage, section } from './message.js';

const project = (event: AuditLog) =>
  event.project ? ` in project ${escapeText(event.project.name ?? event.project.id)}` : '';

/** Up to 20 audit events, one section each: when and what, who to what, which project, the OpenAI event id. */
export function renderWatchEvents(events: readonly AuditLog[]): SlackMessage {
  const blocks: KnownBlock[] = events.map((event) =>
    section(
      `*${escapeText(eventHeading(event))}*\n${escapeText(truncate(eventDetail(event), 400))}${project(event)} ${code(event.id)}`,
    ),
  );
  const first = events[0];
  const text = events.length === 1 && first ? `Audit log: ${first.type}` : `Audit log: ${events.length} new events`;
  return message(text, [...blocks, context('Audit watch; /openai watch list shows what this channel watches.')]);
}

/** The count of events a catch-up did not post one by one, by type. */
export function renderFolded(folded: number, byType: ReadonlyMap<string, number>): SlackMessage {
  const top = [...byType.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([type, n]) => `${escapeText(type)} ×${n}`)
    .join(', ');
  const text = `…and ${folded} more matching audit events were folded to keep this channel readable`;
  return message(text, [section(`${escapeText(text)}: ${top}. /openai audit lists them.`)]);
}
