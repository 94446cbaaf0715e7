import { type RunningBot, type StartOptions, startBot } from '../../src/bot.js';
import { loadConfig } from '../../src/config.js';
import { type FakeAdminApi, startFakeAdminApi } from './fake-admin-api/index.js';
import { FakeSlack, type SlackCall } from './fake-slack.js';
import { captureLines } from './log-capture.js';
import { writePolicy } from './policy.js';
import { commandBody, postSigned, SIGNING_SECRET, type SignedPost } from './slack-requests.js';

export const ADMIN_KEY = 'sk-admin-test-key-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-bot-token-0123456789';

/** The bot's environment against the two fakes: their URLs and credentials, an in-memory database, a free port. */
export function envForFakes(
  slack: FakeSlack,
  openai: FakeAdminApi,
  policyFile = writePolicy(),
): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    OPENAI_ADMIN_KEY: ADMIN_KEY,
    OPENAI_BASE_URL: openai.url,
    SLACK_API_URL: slack.apiUrl,
    DATABASE_URL: 'sqlite::memory:',
    POLICY_FILE: policyFile,
    PORT: '0',
  };
}

export interface HarnessOptions {
  policy?: string;
  env?: Record<string, string>;
  start?: StartOptions;
  /** Reuse fakes across bots (several replicas on one organization). */
  slack?: FakeSlack;
  openai?: FakeAdminApi;
  /** Runs after the fakes start and before the bot does (e.g. to point Socket Mode at a test server). */
  beforeStart?: (slack: FakeSlack) => void;
}

export interface Harness {
  slack: FakeSlack;
  openai: FakeAdminApi;
  bot: RunningBot;
  botUrl: string;
  logs: string[];
  /** Sends a signed `/openai <text>` and returns the HTTP answer (the ack). */
  command(
    text: string,
    userId?: string,
    options?: { channelId?: string },
  ): Promise<SignedPost & { responseId: string }>;
  /** Sends a command and waits for the first message posted to its response_url, past any "Working on it…". */
  ask(text: string, userId?: string): Promise<SlackCall>;
  close(): Promise<void>;
}

let responseSeq = 0;

/** Starts fake Slack, fake Admin API and the real bot in HTTP mode on a free port, wired together. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const slack = options.slack ?? (await new FakeSlack().start());
  const openai = options.openai ?? (await startFakeAdminApi({ adminKey: ADMIN_KEY }));
  options.beforeStart?.(slack);
  const config = loadConfig({
    ...envForFakes(slack, openai, writePolicy(options.policy)),
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  // The bot builds its logger as in production (same redaction and masking); only where lines go differs.
  const { destination, lines } = captureLines();
  const bot = await startBot(config, {
    logDestination: destination,
    webApiRetries: 0,
    adminRetry: { initialDelayMs: 20, maxDelayMs: 2_000 },
    ...options.start,
  });
  const botUrl = bot.port === undefined ? '' : `http://127.0.0.1:${bot.port}`;
  const command: Harness['command'] = async (text, userId = 'UADMIN', extra = {}) => {
    const responseId = `cmd${++responseSeq}`;
    const body = commandBody({
      text,
      userId,
      responseUrl: slack.responseUrl(responseId),
      ...(extra.channelId ? { channelId: extra.channelId } : {}),
    });
    return { ...(await postSigned(botUrl, body)), responseId };
  };
  return {
    slack,
    openai,
    bot,
    botUrl,
    logs: lines,
    command,
    async ask(text, userId) {
      const sent = await command(text, userId);
      if (sent.status !== 200) throw new Error(`ack failed: HTTP ${sent.status} ${sent.text}`);
      return slack.waitForAnswer(sent.responseId);
    },
    async close() {
      await bot.stop(2_000);
      if (!options.slack) await slack.close();
      if (!options.openai) await openai.close();
    },
  };
}

/** A recorded message's blocks exactly as sent (escaped mrkdwn). */
export function rawText(call: SlackCall): string {
  return JSON.stringify(call.body.blocks ?? call.body.text ?? '');
}

/** A recorded message's text as a reader sees it (entities decoded), for assertions. */
export function messageText(call: SlackCall): string {
  return rawText(call)
    .replace(/\\n/g, '\n')
    .replace(/\\"/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
