import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';

const toText = (parts: unknown[]) =>
  parts
    .map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : JSON.stringify(part)))
    .join(' ');

/** Lets Bolt log through pino, so its lines share our format and redaction. */
export function createBoltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ layer: 'bolt' });
  return {
    debug: (...parts: unknown[]) => child.debug(toText(parts)),
    info: (...parts: unknown[]) => child.info(toText(parts)),
    warn: (...parts: unknown[]) => child.warn(toText(parts)),
    error: (...parts: unknown[]) => child.error(toText(parts)),
    setLevel: (level: LogLevel) => {
      child.level = level;
    },
    getLevel: () =>
      (Object.values(LogLevel) as string[]).includes(child.level) ? (child.level as LogLevel) : LogLevel.INFO,
    setName: (name: string) => {
      child = logger.child({ layer: 'bolt', name });
    },
  };
}
