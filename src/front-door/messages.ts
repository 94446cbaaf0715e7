import type { StartOptions } from '../bot.js';
import type { Config } from '../config.js';

/** What the bot thread is started with. */
export interface BotThreadData {
  config: Config;
  /** The SharedAdmission's buffer. */
  admission: SharedArrayBuffer;
  options: BotThreadOptions;
}

/** The bot's start options that can cross to another thread (plain data), where not the defaults. */
export type BotThreadOptions = Pick<StartOptions, 'inFlight' | 'sweepIntervalMs' | 'webApiRetries'>;

/** From the front door to the bot thread. */
export type ToBotThread =
  /** A signed slash command, already acknowledged (empty) after `ackSeconds`: its form body as Slack sent it. */
  { kind: 'command'; body: string; ackSeconds: number } | { kind: 'stop'; graceMs: number };

/** From the bot thread to the front door. */
export type FromBotThread =
  | { kind: 'started'; port: number }
  /** `plain` when the message explains itself (a configuration or policy file problem). */
  | { kind: 'failed'; message: string; plain: boolean }
  | { kind: 'stopped' };
