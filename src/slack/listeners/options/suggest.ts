import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { renderSuggestions } from '../../blocks/form-options.js';
import { decodeMetadata } from '../../blocks/view-metadata.js';
import type { SlackServices } from '../../services.js';
import { toActor } from '../../to-actor.js';

type Args = SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;

/** Which organization list a searchable form field draws from. */
export type SuggestionSource = 'projects' | 'users';

/** A searchable field is typed into: answer (this is the ack) with matching projects or members. */
export const suggest =
  (services: SlackServices, source: SuggestionSource) =>
  async ({ ack, body }: Args): Promise<void> => {
    const { channelId } = decodeMetadata(body.view?.private_metadata);
    const actor = toActor(body.user.id, channelId);
    const found = await services.suggestions[source](actor, body.value ?? '');
    await ack(renderSuggestions(found));
  };
