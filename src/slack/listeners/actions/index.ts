import type { App, BlockAction, StaticSelectAction } from '@slack/bolt';
import { ACTIONS } from '../../ids.js';
import type { SlackServices } from '../../services.js';
import { operationPicked } from './operation-picked.js';

export function registerActions(app: App, services: SlackServices): void {
  app.action<BlockAction<StaticSelectAction>>(ACTIONS.pickOperation, operationPicked(services));
}
