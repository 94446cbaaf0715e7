import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

const httpsOrLoopback = (name: string) =>
  z
    .string()
    .url(`${name} must be a URL`)
    .refine((value) => {
      const url = new URL(value);
      if (url.protocol === 'https:') return true;
      return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
    }, `${name} must use https:// (plain http:// is allowed only for localhost, 127.0.0.1 or [::1])`);

const databaseUrl = z
  .string()
  .refine(
    (value) => value.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(value),
    'DATABASE_URL must be sqlite:<path> or postgres://...',
  );

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: 'SLACK_BOT_TOKEN is required' })
    .min(1, 'SLACK_BOT_TOKEN is required')
    .refine((v) => v.startsWith('xoxb-'), 'SLACK_BOT_TOKEN must be a bot token (xoxb-...)'),
  SLACK_SIGNING_SECRET: z.string().min(1, 'SLACK_SIGNING_SECRET must not be empty').optional(),
  SLACK_APP_TOKEN: z
    .string()
    .refine((v) => v.startsWith('xapp-'), 'SLACK_APP_TOKEN must be an app-level token (xapp-...)')
    .optional(),
  OPENAI_ADMIN_KEY: z.string({ error: 'OPENAI_ADMIN_KEY is required' }).min(1, 'OPENAI_ADMIN_KEY is required'),
  OPENAI_BASE_URL: httpsOrLoopback('OPENAI_BASE_URL').default('https://api.openai.com/v1'),
  SLACK_API_URL: httpsOrLoopback('SLACK_API_URL').default('https://slack.com/api/'),
  DATABASE_URL: databaseUrl.default('sqlite:./data/openai-bot.db'),
  POLICY_FILE: z.string().min(1).default('./policy.yml'),
  PORT: z.coerce
    .number({ error: 'PORT must be a number' })
    .int('PORT must be a whole number')
    .min(0, 'PORT must be between 0 and 65535')
    .max(65535, 'PORT must be between 0 and 65535')
    .default(3000),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  DRY_RUN: z.enum(['0', '1'], { error: 'DRY_RUN must be 1 (writes to the Admin API are not sent) or 0' }).default('0'),
});

export interface Config {
  readonly slack: {
    /** False for the command line run without Slack tokens: nothing can be posted to Slack then. */
    readonly configured: boolean;
    readonly botToken: string;
    readonly signingSecret: string | undefined;
    readonly appToken: string | undefined;
    readonly apiUrl: string;
    readonly mode: 'http' | 'socket';
  };
  readonly openai: { readonly adminKey: string; readonly baseUrl: string };
  readonly databaseUrl: string;
  readonly policyFile: string;
  readonly port: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Reads go to the Admin API, writes are not sent: each is shown and audited as the request it would have been. */
  readonly dryRun: boolean;
}

/** Every secret value the configuration holds, for masking wherever text is logged. */
export const secretValues = (config: Config): string[] =>
  [config.openai.adminKey, config.slack.botToken, config.slack.signingSecret, config.slack.appToken].filter(
    (value): value is string => typeof value === 'string' && value.length > 0,
  );

/** Every problem found in the environment, named by variable; never includes a value. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const blankToUndefined = (env: NodeJS.ProcessEnv): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === '' ? undefined : value]));

export interface LoadOptions {
  /**
   * `optional` for the command line: it runs operator commands with the Admin API and the database alone, and
   * uses Slack only when a bot token is given.
   */
  slack?: 'required' | 'optional';
}

/** The only reader of the environment. Throws ConfigError listing every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): Config {
  const raw = blankToUndefined(env);
  const withoutSlack = options.slack === 'optional' && raw.SLACK_BOT_TOKEN === undefined;
  const parsed = (withoutSlack ? envSchema.omit({ SLACK_BOT_TOKEN: true }) : envSchema).safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  const data = parsed.success ? { SLACK_BOT_TOKEN: '', ...parsed.data } : undefined;
  if (!withoutSlack && options.slack !== 'optional' && !raw.SLACK_APP_TOKEN && !raw.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET is required in HTTP mode (set SLACK_APP_TOKEN to use Socket Mode instead)');
  }
  if (!data || problems.length > 0) throw new ConfigError(problems);
  const apiUrl = data.SLACK_API_URL.endsWith('/') ? data.SLACK_API_URL : `${data.SLACK_API_URL}/`;
  return Object.freeze({
    slack: Object.freeze({
      configured: !withoutSlack,
      botToken: data.SLACK_BOT_TOKEN,
      signingSecret: data.SLACK_SIGNING_SECRET,
      appToken: data.SLACK_APP_TOKEN,
      apiUrl,
      mode: data.SLACK_APP_TOKEN ? 'socket' : 'http',
    }),
    openai: Object.freeze({ adminKey: data.OPENAI_ADMIN_KEY, baseUrl: data.OPENAI_BASE_URL.replace(/\/+$/, '') }),
    databaseUrl: data.DATABASE_URL,
    policyFile: data.POLICY_FILE,
    port: data.PORT,
    logLevel: data.LOG_LEVEL,
    dryRun: data.DRY_RUN === '1',
  } satisfies Config);
}

/** What `npm run playground` reads: the console's port and the bot's log level; it needs no credentials. */
export interface PlaygroundSettings {
  readonly port: number;
  readonly logLevel: Config['logLevel'];
}

/** The playground's settings from the environment (`PORT`, `LOG_LEVEL`); throws ConfigError like `loadConfig`. */
export function loadPlaygroundSettings(env: NodeJS.ProcessEnv = process.env): PlaygroundSettings {
  const parsed = envSchema.pick({ PORT: true, LOG_LEVEL: true }).safeParse(blankToUndefined(env));
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  return Object.freeze({ port: parsed.data.PORT, logLevel: parsed.data.LOG_LEVEL });
}
