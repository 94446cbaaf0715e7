import { writePolicy } from '../test/helpers/policy.js';
import { commandBody, postSigned, SIGNING_SECRET } from '../test/helpers/slack-requests.js';
import { SERVER_NODE_FLAGS } from './ack-latency.js';
import { allCores, pinSelf, pinsToCores, startChild } from './processes.js';
import { fmt, printTable, summarize } from './stats.js';

const ADMIN_KEY = 'sk-admin-bench-key';
const TOKEN = 'xoxb-bench-token';
/** Slack's limit on command text: the longest command a member can send. */
const LONG_TEXT = 'x'.repeat(40_000);
const NORMAL_EVERY_MS = 10;
const LONG_EVERY_MS = 100;
const PHASE_MS = 1_000;
const ROUNDS = 30;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const send = async (botUrl: string, body: string): Promise<number> => {
  const sent = await postSigned(botUrl, body);
  if (sent.status !== 200) throw new Error(`a command was answered HTTP ${sent.status}`);
  return sent.ms;
};

/**
 * One phase of open-loop traffic: a viewer's `/openai help` every 10 ms, and, when `withLong`, another member's
 * 40,000-character command every 100 ms. Returns the ack latencies of the normal commands only.
 */
async function phase(botUrl: string, slackUrl: string, withLong: boolean): Promise<number[]> {
  // Bodies are built once, so the load generator does the same work per request in both phases.
  const helpBody = commandBody({ text: 'help', userId: 'UVIEWER', responseUrl: `${slackUrl}/response/help` });
  const longBody = commandBody({ text: LONG_TEXT, userId: 'USTRANGER', responseUrl: `${slackUrl}/response/long` });
  const normal: Promise<number>[] = [];
  const long: Promise<number>[] = [];
  const started = performance.now();
  let nextNormal = started;
  let nextLong = started + LONG_EVERY_MS / 2;
  while (performance.now() - started < PHASE_MS) {
    const now = performance.now();
    if (now >= nextNormal) {
      normal.push(send(botUrl, helpBody));
      nextNormal += NORMAL_EVERY_MS;
    }
    if (withLong && now >= nextLong) {
      long.push(send(botUrl, longBody));
      nextLong += LONG_EVERY_MS;
    }
    await sleep(1);
  }
  await Promise.all(long);
  return Promise.all(normal);
}

/**
 * Ack latency of ordinary commands with and without 40,000-character commands arriving beside them, in the same
 * run, alternating the two so background noise falls on both. Target: normal p99 within 1.2× of the baseline.
 */
export async function benchLongCommand(maxRatio = 1.2): Promise<boolean> {
  pinSelf('1');
  const fakes = await startChild('./fakes-main.ts', { BENCH_ADMIN_KEY: ADMIN_KEY }, 1);
  const slackUrl = fakes.values.SLACK_URL ?? '';
  const bot = await startChild(
    './front-door-main.ts',
    {
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fakes.values.SLACK_API_URL ?? '',
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
  const botUrl = `http://127.0.0.1:${bot.values.PORT}`;
  // Warm-up: both kinds of request, so the JIT has compiled every path before anything is measured.
  await phase(botUrl, slackUrl, true);
  const baseline: number[] = [];
  const beside: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    baseline.push(...(await phase(botUrl, slackUrl, false)));
    await sleep(500);
    beside.push(...(await phase(botUrl, slackUrl, true)));
    await sleep(500);
  }
  await bot.stop();
  await fakes.stop();
  pinSelf(allCores());
  const b = summarize(baseline);
  const l = summarize(beside);
  const ratio = l.p99 / b.p99;
  const longCount = Math.floor(PHASE_MS / LONG_EVERY_MS) * ROUNDS;
  const placement = pinsToCores() ? 'bot pinned to core 0, load and fakes to core 1' : 'no core pinning';
  console.log(
    `\nAck latency of /openai help every ${NORMAL_EVERY_MS} ms, alone and beside a 40,000-character command every ` +
      `${LONG_EVERY_MS} ms (${longCount} long commands; ${placement})`,
  );
  printTable(
    ['traffic', 'acks', 'p50', 'p99', 'max', 'p99 ratio', 'target'],
    [
      ['help alone', baseline.length, fmt(b.p50), fmt(b.p99), fmt(b.max), '1.00', ''],
      [
        'help beside long commands',
        beside.length,
        fmt(l.p50),
        fmt(l.p99),
        fmt(l.max),
        ratio.toFixed(2),
        ratio <= maxRatio ? 'ok' : 'MISS',
      ],
    ],
  );
  return ratio <= maxRatio;
}
