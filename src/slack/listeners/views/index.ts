import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { VIEWS } from '../../ids.js';
import type { SlackServices } from '../../services.js';
import { routeById } from '../route.js';
import { operationSubmitted } from './operation-submitted.js';
import { rejectSubmitted } from './reject-submitted.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Submitted forms, each by its callback id. */
export function registerViews(app: App, services: SlackServices): void {
  const listeners = new Map<string, (args: Args) => Promise<void>>([
    [VIEWS.operation, operationSubmitted(services)],
    [VIEWS.reject, rejectSubmitted(services)],
  ]);
  app.view<ViewSubmitAction>(
    { type: 'view_submission', callback_id: /.*/ },
    routeById(listeners, (args) => args.view.callback_id),
  );
}
