import type { HelpEntry } from '../domain/help.js';
import type { Reply } from '../domain/reply.js';
import type { ErrorText } from '../error-text.js';

/** A reply as terminal text. */
export function replyText(reply: Reply): string {
  const lines = [reply.title, ...(reply.notes ?? [])];
  if (reply.items?.length === 0 && reply.emptyText) lines.push(reply.emptyText);
  for (const item of reply.items ?? []) {
    const channel = item.channelId ? `in ${item.channelId}` : undefined;
    lines.push(`  ${[item.title, item.id, channel, ...(item.facts ?? [])].filter(Boolean).join('  ·  ')}`);
  }
  if (reply.requestId) lines.push(`OpenAI request id: ${reply.requestId}`);
  return lines.join('\n');
}

export const helpText = (entries: readonly HelpEntry[]): string =>
  entries.map((e) => `${e.usage.replace(/^\/openai/, 'npm run cli --')}\n    ${e.summary}`).join('\n');

export const errorText = (error: ErrorText): string =>
  [
    error.message,
    error.usage ? `Usage: ${error.usage}` : '',
    error.requestId ? `OpenAI request id: ${error.requestId}` : '',
  ]
    .filter(Boolean)
    .join('\n');
