import type { App } from '@slack/bolt';
import type { SlackServices } from '../services.js';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { registerOptions } from './options/index.js';
import { registerViews } from './views/index.js';

/** Registers every listener of every Slack surface. */
export function registerListeners(app: App, services: SlackServices): void {
  registerCommands(app, services);
  registerActions(app, services);
  registerViews(app, services);
  registerEvents(app, services);
  registerOptions(app, services);
}
