import pino, { type Logger } from 'pino';

/** Paths pino replaces with [redacted], wherever a secret could sit in a log object. */
export const REDACT_PATHS = [
  'adminKey',
  'apiKey',
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'signing_secret',
  'app_token',
  'bot_token',
  'secret',
  'value',
  'password',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  '*.adminKey',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.secret',
  '*.authorization',
  '*.headers.authorization',
  'config.openai.adminKey',
  'config.slack.botToken',
  'config.slack.appToken',
  'config.slack.signingSecret',
  'api_key.value',
  '*.api_key.value',
];

export interface LoggerOptions {
  level: string;
  /** Pretty, human-readable lines; defaults to on when stdout is a terminal. */
  pretty?: boolean;
  /** Write here instead of stdout (tests capture logs this way). */
  destination?: pino.DestinationStream;
  /** Exact strings to mask anywhere in a log line, such as the admin key. */
  secrets?: readonly string[];
}

const maskSecrets = (secrets: readonly string[]) => {
  const present = secrets.filter((s) => s.length >= 8);
  return (line: string) => present.reduce((text, secret) => text.split(secret).join('[redacted]'), line);
};

/** Builds the process logger: JSON lines in production, readable output in a terminal, secrets redacted. */
export function createLogger(options: LoggerOptions): Logger {
  const mask = maskSecrets(options.secrets ?? []);
  const base: pino.LoggerOptions = {
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: {
      streamWrite: mask,
    },
  };
  if (options.destination) return pino(base, options.destination);
  const pretty = options.pretty ?? process.stdout.isTTY === true;
  if (pretty) return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true } } });
  return pino(base);
}
