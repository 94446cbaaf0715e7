import type { View } from '@slack/types';
import { escapeText, truncate } from '../mrkdwn.js';

/** Slack's limit on a modal's title. */
const TITLE_CHARS = 24;

/**
 * A modal that only tells something: work in progress, its outcome or a refusal. It has no submit button, so it
 * answers a trigger or a submission at once while the real work goes on.
 */
export function renderNoticeModal(title: string, text: string, callbackId?: string): View {
  return {
    type: 'modal',
    ...(callbackId ? { callback_id: callbackId } : {}),
    title: { type: 'plain_text', text: truncate(title, TITLE_CHARS) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(escapeText(text), 2_900) } }],
  };
}
