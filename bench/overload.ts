import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { writePolicy } from '../test/helpers/policy.js';
import { SIGNING_SECRET } from '../test/helpers/slack-requests.js';
import { AnswerSink } from './answer-sink.js';
import { type FloodRecord, flood } from './flood.js';
import { allCores, pinSelf, pinsToCores, startChild } from './processes.js';
import { fmt, printTable, summarize } from './stats.js';

const ADMIN_KEY = 'sk-admin-bench-key';
const TOKEN = 'xoxb-bench-token';
const MB = 1024 * 1024;

const startFlags = (): string[] => {
  const scripts = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts as {
    start: string;
  };
  return scripts.start.split(/\s+/).filter((part) => part.startsWith('--') && part !== '--import');
};

/** Resident memory of a process, from /proc (Linux); 0 where unavailable. */
const rssOf = (pid: number): number => {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
};

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux); 0 where unavailable. */
const cpuMsOf = (pid: number): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Outcome {
  acked: number;
  busy: number;
  answeredBeforeEnd: number;
  busyOrAnsweredBeforeEnd: number;
  answeredAfterEnd: number;
  lastAnswerAfterEndMs: number;
  unanswered: number;
}

/** Waits (up to `graceMs` after the flood) until every acknowledged command was told busy or answered. */
async function outcomeOf(record: FloodRecord, total: number, graceMs: number): Promise<Outcome> {
  const isOpen = (i: number) => record.acked[i] === 1 && record.busy[i] === 0 && record.answeredAt[i] === 0;
  const deadline = record.endedAt + graceMs;
  for (;;) {
    let open = 0;
    for (let i = 0; i < total; i++) if (isOpen(i)) open += 1;
    if (open === 0 || performance.now() > deadline) break;
    await sleep(200);
  }
  const outcome: Outcome = {
    acked: 0,
    busy: 0,
    answeredBeforeEnd: 0,
    busyOrAnsweredBeforeEnd: 0,
    answeredAfterEnd: 0,
    lastAnswerAfterEndMs: 0,
    unanswered: 0,
  };
  for (let i = 0; i < total; i++) {
    if (record.acked[i] !== 1) continue;
    outcome.acked += 1;
    const at = record.answeredAt[i] ?? 0;
    if (record.busy[i] === 1) {
      outcome.busy += 1;
      outcome.busyOrAnsweredBeforeEnd += 1;
    } else if (at === 0) outcome.unanswered += 1;
    else if (at <= record.endedAt) {
      outcome.answeredBeforeEnd += 1;
      outcome.busyOrAnsweredBeforeEnd += 1;
    } else {
      outcome.answeredAfterEnd += 1;
      outcome.lastAnswerAfterEndMs = Math.max(outcome.lastAnswerAfterEndMs, at - record.endedAt);
    }
  }
  return outcome;
}

/**
 * Overload: `rate` signed `/openai users list` commands per second for `seconds` against the bot as `npm start` runs
 * it in HTTP mode (front door and bot thread, with its Node.js flags), and the same
 * against a bare Bolt app that only acknowledges, before and after the bot, in the same run. The Admin API answers after 20 ms. Reports
 * memory, how many commands were answered or told busy and when, and ack latency against the bare app.
 */
export async function benchOverload(rate = 2_000, seconds = 30): Promise<boolean> {
  const total = rate * seconds;
  pinSelf('1');
  const fakes = await startChild('./fakes-main.ts', { BENCH_ADMIN_KEY: ADMIN_KEY, BENCH_ADMIN_DELAY_MS: '20' }, 1);
  // The fakes answer only the bot, not the bare app: below the load generator's priority, so that work does not
  // delay its reading of acknowledgements and count against the bot.
  setPriority(fakes.pid, 10);
  const sink = await new AnswerSink().start();
  const warmSink = await sink.session('warm', total);
  const common = {
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${sink.url}/api/`,
  };
  const flags = startFlags();
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
    flags,
  );
  const bare = await startChild('./bare-bolt-main.ts', common, 0, flags);
  const botUrl = `http://127.0.0.1:${bot.values.PORT}`;
  const bareUrl = `http://127.0.0.1:${bare.values.PORT}`;
  const text = 'users list';

  // Warm-up: a short, gentler flood on each, so the JIT has compiled the hot paths on both.
  await flood(bareUrl, warmSink, { rate: rate / 2, seconds: 3, text });
  await flood(botUrl, warmSink, { rate: rate / 2, seconds: 3, text });
  await sleep(3_000);

  // The baseline runs before and after the bot (A-B-A), so a change in the machine's other load during the
  // run falls on both alike; its latencies are pooled.
  const bareSink = await sink.session('bare', total);
  const bareCpu = cpuMsOf(bare.pid);
  const bareRun = await flood(bareUrl, bareSink, { rate, seconds, text });
  const bareCpuPerCommand = (cpuMsOf(bare.pid) - bareCpu) / Math.max(1, bareRun.sent);
  await sleep(2_000);

  const idleRss = rssOf(bot.pid);
  let peakRss = idleRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssOf(bot.pid));
  }, 100);
  const botSink = await sink.session('bot', total);
  const botCpu = cpuMsOf(bot.pid);
  const botRun = await flood(botUrl, botSink, { rate, seconds, text });
  const outcome = await outcomeOf(botRun, total, 60_000);
  const botCpuPerCommand = (cpuMsOf(bot.pid) - botCpu) / Math.max(1, botRun.sent);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, rssOf(bot.pid));
  await sleep(2_000);
  const bareAfterSink = await sink.session('after', total);
  const bareAfter = await flood(bareUrl, bareAfterSink, { rate, seconds, text });
  await bare.stop();

  const b = summarize([...bareRun.ackMs, ...bareAfter.ackMs]);
  const o = summarize(botRun.ackMs);
  const ratio = o.p99 / b.p99;
  const rssGrowth = (peakRss - idleRss) / MB;
  const checks: [string, boolean][] = [
    ['peak RSS within idle + 150 MB', rssGrowth <= 150],
    ['every acknowledged command answered or told busy within 60 s of the end', outcome.unanswered === 0],
    ['at least half answered before the load ended', outcome.answeredBeforeEnd * 2 >= outcome.acked],
    ['ack p99 within 1.3x the bare Bolt app', ratio <= 1.3],
  ];
  const placement = pinsToCores() ? 'servers pinned to core 0, load and fakes to core 1' : 'no core pinning';
  const achieved = (run: FloodRecord) => (run.sent / ((run.endedAt - run.startedAt) / 1_000)).toFixed(0);
  console.log(
    `\nOverload: ${rate} /openai users list per second for ${seconds} s, Admin API answering after 20 ms (${placement})`,
  );
  const sentLine = (run: FloodRecord) => `${run.sent} (${achieved(run)}/s, ${run.skipped} skipped)`;
  console.log(`sent: bare ${sentLine(bareRun)} then ${sentLine(bareAfter)}; bot ${sentLine(botRun)}`);
  const before = summarize(bareRun.ackMs);
  const after = summarize(bareAfter.ackMs);
  printTable(
    ['', 'acked', 'p50', 'p99', 'max'],
    [
      ['bare Bolt, before', bareRun.ackMs.length, fmt(before.p50), fmt(before.p99), fmt(before.max)],
      ['bare Bolt, after', bareAfter.ackMs.length, fmt(after.p50), fmt(after.p99), fmt(after.max)],
      ['bare Bolt, pooled', bareRun.ackMs.length + bareAfter.ackMs.length, fmt(b.p50), fmt(b.p99), fmt(b.max)],
      ['bot', botRun.ackMs.length, fmt(o.p50), fmt(o.p99), fmt(o.max)],
    ],
  );
  console.log(
    `bot: answered before the end ${outcome.answeredBeforeEnd}, after it ${outcome.answeredAfterEnd} (last ${fmt(outcome.lastAnswerAfterEndMs)} after), told busy ${outcome.busy}, never answered ${outcome.unanswered}`,
  );
  console.log(
    `bot RSS: idle ${(idleRss / MB).toFixed(1)} MB, peak ${(peakRss / MB).toFixed(1)} MB (+${rssGrowth.toFixed(1)} MB); ack p99 ratio ${ratio.toFixed(2)}`,
  );
  console.log(
    `CPU per command: bare ${bareCpuPerCommand.toFixed(3)} ms, bot ${botCpuPerCommand.toFixed(3)} ms (acks, busy answers and work)`,
  );
  for (const [name, pass] of checks) console.log(`${pass ? 'ok  ' : 'MISS'} ${name}`);
  await bot.stop();
  await fakes.stop();
  await sink.close();
  pinSelf(allCores());
  return checks.every(([, pass]) => pass);
}
