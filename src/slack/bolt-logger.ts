import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { LevelWithSilent, Logger } from 'pino';

const toText = (parts: unknown[]) =>
  parts
    .map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : JSON.stringify(part)))
    .join(' ');

/** Lets Bolt log through pino, so its lines share our format and redaction. */
export function createBoltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ layer: 'bolt' });
  // Bolt logs several debug lines per request; format them only when they will be written.
  const at =
    (level: LevelWithSilent & keyof Logger) =>
    (...parts: unknown[]) => {
      if (child.isLevelEnabled(level)) child[level](toText(parts));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
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
