import type { HelpEntry } from '../../domain/help.js';
import { clip, code, escapeText } from '../mrkdwn.js';
import { context, message, packLines, paginate, type SlackMessage, section } from './message.js';

const RISK_NOTE: Record<HelpEntry['risk'], string> = {
  read: '',
  write: ' _(admins)_',
  destructive: ' _(admins; needs approval)_',
};

/** `/openai help`: every command with its usage, generated from the registry. */
export function renderHelp(entries: readonly HelpEntry[], topic?: string): SlackMessage[] {
  const title = topic ? `Commands for ${topic}` : 'Commands';
  if (entries.length === 0) {
    return [message(title, [section(`No commands match ${code(topic ?? '', 100)}. Try ${code('/openai help')}.`)])];
  }
  const lines = entries.map((e) => `${code(e.usage)}\n      ${escapeText(e.summary)}${RISK_NOTE[e.risk]}`);
  const head = [
    section(`*${clip(title, 200)}*`),
    context('Emails, @mentions and quoted "multi word" values are all understood. `/openai` alone opens a form.'),
  ];
  return paginate(title, head, packLines(lines), 3);
}
