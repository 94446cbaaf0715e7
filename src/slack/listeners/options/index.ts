import type { App } from '@slack/bolt';
import { ACTIONS } from '../../ids.js';
import type { SlackServices } from '../../services.js';
import { suggest } from './suggest.js';

/** Options of searchable selects (`external_select`), loaded as the user types. */
export function registerOptions(app: App, services: SlackServices): void {
  app.options({ action_id: ACTIONS.suggestProject }, suggest(services, 'projects'));
  app.options({ action_id: ACTIONS.suggestUser }, suggest(services, 'users'));
}
