import type { AddressInfo, Server } from 'node:net';
import { App } from '@slack/bolt';
import { pino } from 'pino';
import { startBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { startFakeAdminApi } from '../test/helpers/fake-admin-api/index.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';
import { writePolicy } from '../test/helpers/policy.js';
import { commandBody, postSigned, SIGNING_SECRET } from '../test/helpers/slack-requests.js';
import { fmt, printTable, type Summary, summarize } from './stats.js';

const ADMIN_KEY = 'sk-admin-bench-key';
const TOKEN = 'xoxb-bench-token';

async function fire(botUrl: string, slack: FakeSlack, n: number, text: string): Promise<number[]> {
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      postSigned(botUrl, commandBody({ text, userId: 'UADMIN', responseUrl: slack.responseUrl(`b${n}-${i}`) })),
    ),
  );
  const failed = results.filter((r) => r.status !== 200);
  if (failed.length) throw new Error(`${failed.length} of ${n} commands were not acked with 200`);
  return results.map((r) => r.ms);
}

/** Ack latency of /openai under N concurrent commands (Admin API answering after 1 s) against a bare Bolt app. */
export async function benchAckLatency(sizes = [50, 200, 500]): Promise<boolean> {
  const slack = await new FakeSlack().start();
  const openai = await startFakeAdminApi({ adminKey: ADMIN_KEY, delayMs: 1_000 });
  const bare = new App({
    token: TOKEN,
    signingSecret: SIGNING_SECRET,
    convoStore: false,
    clientOptions: { slackApiUrl: slack.apiUrl },
  });
  bare.command('/openai', async ({ ack }) => ack());
  const bareServer = (await bare.start(0)) as unknown as Server;
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`;

  const config = loadConfig({
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    OPENAI_ADMIN_KEY: ADMIN_KEY,
    OPENAI_BASE_URL: openai.url,
    SLACK_API_URL: slack.apiUrl,
    DATABASE_URL: 'sqlite::memory:',
    POLICY_FILE: writePolicy(),
    PORT: '0',
  });
  const bot = await startBot(config, { logger: pino({ level: 'silent' }), webApiRetries: 0 });
  const botUrl = `http://127.0.0.1:${bot.port}`;

  await fire(bareUrl, slack, 20, 'users list');
  await fire(botUrl, slack, 20, 'users list');
  const rows: (string | number)[][] = [];
  let ok = true;
  for (const n of sizes) {
    const bareMs: Summary = summarize(await fire(bareUrl, slack, n, 'users list'));
    const botMs: Summary = summarize(await fire(botUrl, slack, n, 'users list'));
    await bot.container.inFlight.drain(30_000);
    const ratio = botMs.p99 / bareMs.p99;
    const pass = ratio <= 1.3 && botMs.max < 3_000;
    ok &&= pass;
    rows.push([
      n,
      fmt(bareMs.p50),
      fmt(bareMs.p99),
      fmt(bareMs.max),
      fmt(botMs.p50),
      fmt(botMs.p99),
      fmt(botMs.max),
      ratio.toFixed(2),
      pass ? 'ok' : 'MISS',
    ]);
  }
  console.log('\nAck latency of /openai users list (fake Admin API answers after 1 s)');
  printTable(['N', 'bare p50', 'bare p99', 'bare max', 'bot p50', 'bot p99', 'bot max', 'p99 ratio', 'target'], rows);
  await bot.stop(5_000);
  await bare.stop();
  await openai.close();
  await slack.close();
  return ok;
}
