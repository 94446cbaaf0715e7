import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackServices } from '../../services.js';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** The Home tab opened: publish what awaits this person. Redelivered events just publish again. */
export const homeOpened =
  (services: SlackServices) =>
  async ({ event }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    await services.homes?.opened(event.user);
  };
