import type { WebClient } from '@slack/web-api';
import type { SecretCourier } from '../../domain/secrets/ports.js';
import { NO_UNFURL } from '../blocks/message.js';
import { renderSecretOffer } from '../blocks/secret-offer.js';

/** Offers new keys to their owners in a direct message from the bot; the message holds only the secret's id. */
export function createSecretCourier(client: WebClient): SecretCourier {
  return {
    async offer(offer) {
      const message = renderSecretOffer(offer);
      await client.chat.postMessage({
        channel: offer.ownerUserId,
        text: message.text,
        blocks: message.blocks,
        ...NO_UNFURL,
      });
    },
  };
}
