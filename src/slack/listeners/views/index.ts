import type { App } from '@slack/bolt';
import { VIEWS } from '../../ids.js';
import type { SlackServices } from '../../services.js';
import { operationSubmitted } from './operation-submitted.js';
import { rejectSubmitted } from './reject-submitted.js';

export function registerViews(app: App, services: SlackServices): void {
  app.view(VIEWS.operation, operationSubmitted(services));
  app.view(VIEWS.reject, rejectSubmitted(services));
}
