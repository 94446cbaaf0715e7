import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { ACTIONS } from '../../ids.js';
import type { SlackServices } from '../../services.js';
import { approvalApproved } from './approval-approved.js';
import { approvalRejectClicked } from './approval-reject-clicked.js';
import { moreClicked, wholeListClicked } from './more-clicked.js';
import { operationPicked } from './operation-picked.js';
import { revealSecret } from './reveal-secret.js';

export function registerActions(app: App, services: SlackServices): void {
  app.action<BlockAction<StaticSelectAction>>(ACTIONS.pickOperation, operationPicked(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.approve, approvalApproved(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.reject, approvalRejectClicked(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.revealSecret, revealSecret(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.more, moreClicked(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.wholeListCsv, wholeListClicked(services));
}
