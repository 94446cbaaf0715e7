import { readFileSync } from 'node:fs';
import { writePolicy } from '../test/helpers/policy.js';
import { commandBody, postSigned, SIGNING_SECRET } from '../test/helpers/slack-requests.js';
import { allCores, pinSelf, pinsToCores, startChild } from './processes.js';
import { fmt, printTable, type Summary, summarize } from './stats.js';

const ADMIN_KEY = 'sk-admin-bench-key';
const TOKEN = 'xoxb-bench-token';

function startFlags(): string[] {
  const scripts = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts as {
    start: string;
  };
  return scripts.start.split(/\s+/).filter((part) => part.startsWith('--') && part !== '--import');
}

async function fire(botUrl: string, slackUrl: string, n: number): Promise<number[]> {
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      postSigned(
        botUrl,
        commandBody({ text: 'users list', userId: 'UADMIN', responseUrl: `${slackUrl}/response/b${n}-${i}` }),
      ),
    ),
  );
  const failed = results.filter((r) => r.status !== 200);
  if (failed.length) throw new Error(`${failed.length} of ${n} commands were not acked with 200`);
  return results.map((r) => r.ms);
}

/** The Node.js flags `npm start` runs the bot with; the baseline gets the same, so only the code differs. */
export const SERVER_NODE_FLAGS = startFlags();

/** Long enough for the delayed Admin API answers and the replies of a burst to finish before the next one. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2_500));

/**
 * Ack latency of `/openai users list` under N concurrent signed commands while the Admin API answers after 1 s,
 * against a bare Bolt app that only acks. Fakes, bot and baseline each run in their own process.
 */
export async function benchAckLatency(sizes = [50, 200, 500], minSamples = 2_000): Promise<boolean> {
  // The servers under test take core 0 in turn; the load generator and the fakes share the other core.
  pinSelf('1');
  const fakes = await startChild('./fakes-main.ts', { BENCH_ADMIN_KEY: ADMIN_KEY, BENCH_ADMIN_DELAY_MS: '1000' }, 1);
  const slackApiUrl = fakes.values.SLACK_API_URL ?? '';
  const slackUrl = fakes.values.SLACK_URL ?? '';
  const common = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slackApiUrl };
  const bare = await startChild('./bare-bolt-main.ts', common, 0, SERVER_NODE_FLAGS);
  const bot = await startChild(
    './front-door-main.ts',
    {
      ...common,
      OPENAI_ADMIN_KEY: ADMIN_KEY,
      OPENAI_BASE_URL: fakes.values.OPENAI_BASE_URL ?? '',
      DATABASE_URL: 'sqlite::memory:',
      POLICY_FILE: writePolicy(),
      PORT: '0',
      LOG_LEVEL: 'silent',
    },
    0,
    SERVER_NODE_FLAGS,
  );
  const bareUrl = `http://127.0.0.1:${bare.values.PORT}`;
  const botUrl = `http://127.0.0.1:${bot.values.PORT}`;
  // Warm both up alike so the JIT has compiled the hot paths before anything is measured.
  for (let i = 0; i < 3; i++) {
    await fire(bareUrl, slackUrl, 200);
    await fire(botUrl, slackUrl, 200);
    await settle();
  }
  const rows: (string | number)[][] = [];
  let ok = true;
  for (const n of sizes) {
    const bareMs: number[] = [];
    const botMs: number[] = [];
    // Alternate the two targets so background noise falls on both alike.
    // Enough rounds that p99 rests on at least twenty samples above it, not on one unlucky burst.
    const rounds = Math.max(5, Math.ceil(minSamples / n));
    for (let round = 0; round < rounds; round++) {
      bareMs.push(...(await fire(bareUrl, slackUrl, n)));
      botMs.push(...(await fire(botUrl, slackUrl, n)));
      await settle();
    }
    const b: Summary = summarize(bareMs);
    const o: Summary = summarize(botMs);
    const ratio = o.p99 / b.p99;
    const pass = ratio <= 1.3 && o.max < 3_000;
    ok &&= pass;
    rows.push([
      n,
      fmt(b.p50),
      fmt(b.p99),
      fmt(b.max),
      fmt(o.p50),
      fmt(o.p99),
      fmt(o.max),
      ratio.toFixed(2),
      pass ? 'ok' : 'MISS',
    ]);
  }
  const placement = pinsToCores() ? 'servers pinned to core 0, load and fakes to core 1' : 'no core pinning';
  console.log(
    `\nAck latency of /openai users list, Admin API answering after 1 s (at least ${minSamples} commands per N; ${placement})`,
  );
  printTable(['N', 'bare p50', 'bare p99', 'bare max', 'bot p50', 'bot p99', 'bot max', 'p99 ratio', 'target'], rows);
  await Promise.all([bot.stop(), bare.stop()]);
  await fakes.stop();
  pinSelf(allCores());
  return ok;
}
