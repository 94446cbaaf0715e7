import type { AllMiddlewareArgs, App, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { ACTIONS } from '../../ids.js';
import type { SlackServices } from '../../services.js';
import { routeById } from '../route.js';
import { suggest } from './suggest.js';

type Args = SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;

/** Options of searchable selects (`external_select`), loaded as the user types, each by its action id. */
export function registerOptions(app: App, services: SlackServices): void {
  const listeners = new Map<string, (args: Args) => Promise<void>>([
    [ACTIONS.suggestProject, suggest(services, 'projects')],
    [ACTIONS.suggestUser, suggest(services, 'users')],
  ]);
  app.options<'block_suggestion'>(
    { type: 'block_suggestion', action_id: /.*/ },
    routeById(listeners, (args) => args.body.action_id),
  );
}
