import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTIONS } from '../../ids.js';
import type { SlackServices } from '../../services.js';
import { routeById } from '../route.js';
import { approvalApproved } from './approval-approved.js';
import { approvalRejectClicked } from './approval-reject-clicked.js';
import { moreClicked, wholeListClicked } from './more-clicked.js';
import { operationPicked } from './operation-picked.js';
import { revealSecret } from './reveal-secret.js';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type Listener = (args: Args) => Promise<void>;

/** Buttons and menus, each by its action id (each listener narrows the element it is given by that id). */
export function registerActions(app: App, services: SlackServices): void {
  const listeners = new Map<string, Listener>([
    [ACTIONS.pickOperation, operationPicked(services) as Listener],
    [ACTIONS.approve, approvalApproved(services) as Listener],
    [ACTIONS.reject, approvalRejectClicked(services) as Listener],
    [ACTIONS.revealSecret, revealSecret(services) as Listener],
    [ACTIONS.more, moreClicked(services) as Listener],
    [ACTIONS.wholeListCsv, wholeListClicked(services) as Listener],
  ]);
  app.action<BlockAction>(
    { type: 'block_actions', action_id: /.*/ },
    routeById(listeners, (args) => args.action.action_id),
  );
}
