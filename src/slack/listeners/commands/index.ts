import type { App } from '@slack/bolt';
import { SLASH_COMMAND } from '../../ids.js';
import type { SlackServices } from '../../services.js';
import { openaiCommand } from './openai-command.js';

export function registerCommands(app: App, services: SlackServices): void {
  app.command(SLASH_COMMAND, openaiCommand(services));
}
