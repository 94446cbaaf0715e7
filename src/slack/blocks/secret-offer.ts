import type { SecretOffer } from '../../domain/secrets/ports.js';
import { ACTIONS } from '../ids.js';
import { clip } from '../mrkdwn.js';
import { context, message, type SlackMessage, section } from './message.js';

const until = (ms: number) => `<!date^${Math.floor(ms / 1000)}^{time}|${new Date(ms).toISOString().slice(11, 16)} UTC>`;

/** The direct message offering a new key to its owner: a Reveal button carrying only the secret's id. */
export function renderSecretOffer(offer: SecretOffer): SlackMessage {
  const text = `${offer.title} is ready. Reveal it once, before ${new Date(offer.expiresAt).toISOString().slice(11, 16)} UTC.`;
  return message(text, [
    section(`:key: *${clip(offer.title, 2_000)}* was created for you.`),
    {
      type: 'actions',
      block_id: 'secret',
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.revealSecret,
          text: { type: 'plain_text', text: 'Reveal key' },
          style: 'primary',
          value: offer.secretId,
        },
      ],
    },
    context(
      `Only you can reveal it, once, until ${until(offer.expiresAt)}; then it is deleted. ` +
        'Have your secret manager ready: the value is never shown again.',
    ),
  ]);
}

/** Replaces the offer once the key was revealed, so no button is left behind. */
export function renderSecretRevealed(title: string): SlackMessage {
  const text = `${title} was revealed and is no longer kept by the bot.`;
  return message(text, [section(`:white_check_mark: ${clip(text, 2_000)}`)]);
}
