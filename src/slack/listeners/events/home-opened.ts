import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { accessText } from '../../../domain/grants/grant-text.js';
import { renderHome } from '../../blocks/home.js';
import type { SlackServices } from '../../services.js';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** The Home tab opened: publish what awaits this person. Redelivered events just publish again. */
export const homeOpened =
  (services: SlackServices) =>
  async ({ event, client }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    const home = await services.approvals.home(event.user);
    const grants = (await services.grants?.active({ granteeChatId: event.user, limit: 20 })) ?? [];
    const now = services.grants?.now() ?? 0;
    const mine = grants.map((grant) => ({ id: grant.id, access: accessText(grant), left: grant.expires_at - now }));
    await client.views.publish({ user_id: event.user, view: renderHome({ ...home, grants: mine }) });
  };
