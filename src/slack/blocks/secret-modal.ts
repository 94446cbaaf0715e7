import type { View } from '@slack/types';
import { VIEWS } from '../ids.js';
import { clip, escapeText } from '../mrkdwn.js';

/** The only place a new key's value is ever shown: a modal seen by its owner alone. */
export function renderSecretModal(title: string, value: string): View {
  return {
    type: 'modal',
    callback_id: VIEWS.secret,
    title: { type: 'plain_text', text: 'Your new key' },
    close: { type: 'plain_text', text: 'I stored it' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${clip(title, 2_900)}*` } },
      { type: 'section', text: { type: 'mrkdwn', text: `\`\`\`${escapeText(value)}\`\`\`` } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text:
              ':warning: Copy it into your secret manager now. This is the only time it is shown: the bot has ' +
              'already forgotten it, and closing this window loses it. Never paste it into a channel.',
          },
        ],
      },
    ],
  };
}
