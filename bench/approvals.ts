import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { startFrontDoor } from '../src/front-door/front-door.js';
import { createStore } from '../src/storage/create-store.js';
import { startFakeAdminApi } from '../test/helpers/fake-admin-api/index.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';
import { APPROVAL_CHANNEL, writePolicy } from '../test/helpers/policy.js';
import { commandBody, payloadBody, postSigned, SIGNING_SECRET } from '../test/helpers/slack-requests.js';
import { fmt, printTable, summarize } from './stats.js';

const ADMIN_KEY = 'sk-admin-bench-key';
const TOKEN = 'xoxb-bench-token';
/** How a card's text starts once its request succeeded, failed or has an unknown outcome. */
const SETTLED_HEADLINES = ['Approved and done', 'Approved, but it failed', 'Outcome unknown'];

const approvePayload = (requestId: string, userId: string, responseUrl: string) =>
  payloadBody({
    type: 'block_actions',
    user: { id: userId },
    team: { id: 'T1' },
    api_app_id: 'A1',
    channel: { id: APPROVAL_CHANNEL },
    container: { type: 'message', message_ts: '1', channel_id: APPROVAL_CHANNEL },
    trigger_id: 't',
    response_url: responseUrl,
    actions: [
      { type: 'button', action_id: 'approval.approve', block_id: 'approval', value: requestId, action_ts: '1' },
    ],
  });

interface Scenario {
  count: number;
  /** How long the fake Admin API takes to answer every call once the requests are filed. */
  adminDelayMs: number;
  /** Approval sweeper period; production default (30 s) when absent. */
  sweepIntervalMs?: number;
  /** Also time `count` direct DELETEs to the Admin API, all at once, as the baseline. */
  baseline: boolean;
}

interface Outcome {
  states: Record<string, number>;
  deletes: number;
  /** Click → the `executed` (or `failed`) audit row, stamped by the bot right after the state changed. */
  clickToDone: number[];
  /** Click → the card showing the outcome arrived at Slack. */
  clickToCard: number[];
  direct: number[];
}

/** Files `count` removals, makes the Admin API slow, approves them all at once and waits until each settles. */
async function runScenario(scenario: Scenario): Promise<Outcome> {
  const { count } = scenario;
  const slack = await new FakeSlack().start();
  const openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
  // The bot as production runs it in HTTP mode: front door here, bot thread beside it; the bench reads the bot's
  // database through a connection of its own.
  const databaseUrl = `sqlite:${join(mkdtempSync(join(tmpdir(), 'bench-approvals-')), 'bot.db')}`;
  const door = await startFrontDoor(
    loadConfig({
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      OPENAI_ADMIN_KEY: ADMIN_KEY,
      OPENAI_BASE_URL: openai.url,
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: databaseUrl,
      POLICY_FILE: writePolicy(),
      PORT: '0',
      LOG_LEVEL: 'silent',
    }),
    pino({ level: 'silent' }),
    {
      onBotThreadLost: () => undefined,
      bot: { webApiRetries: 0, ...(scenario.sweepIntervalMs ? { sweepIntervalMs: scenario.sweepIntervalMs } : {}) },
    },
  );
  const store = await createStore(databaseUrl);
  try {
    const botUrl = `http://127.0.0.1:${door.port}`;
    const users = Array.from({ length: count * 2 }, (_, i) => openai.state.addUser({ email: `bench${i}@x.com` }));
    for (const user of users.slice(0, count)) {
      await postSigned(
        botUrl,
        commandBody({ text: `users remove ${user.email}`, userId: 'UADMIN', responseUrl: slack.responseUrl('x') }),
      );
    }
    let pending = await store.listByState(['pending'], { limit: count });
    for (let i = 0; i < 600 && pending.length < count; i++) {
      await new Promise((r) => setTimeout(r, 100));
      pending = await store.listByState(['pending'], { limit: count });
    }
    openai.setDelay(scenario.adminDelayMs);

    const direct = scenario.baseline
      ? await Promise.all(
          users.slice(count).map(async (user) => {
            const started = performance.now();
            await fetch(`${openai.url}/organization/users/${user.id}`, {
              method: 'DELETE',
              headers: { authorization: `Bearer ${ADMIN_KEY}` },
            }).then((r) => r.text());
            return performance.now() - started;
          }),
        )
      : [];
    const deletesBefore = openai.requests.filter((r) => r.method === 'DELETE').length;

    const clickedAt = new Map<string, number>();
    await Promise.all(
      pending.map((request) => {
        clickedAt.set(request.id, Date.now());
        return postSigned(botUrl, approvePayload(request.id, 'UAPPROVER', slack.responseUrl(`a-${request.id}`)));
      }),
    );
    // Waiting is cheap on purpose (a few reads a second): the bench shares its process with the bot.
    const deadline = Date.now() + scenario.adminDelayMs + 60_000;
    for (;;) {
      const open = await store.listByState(['approved', 'executing'], { limit: count });
      if (open.length === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    // Executed = the moment the card says so: the fake Slack stamps each call as it arrives.
    const doneAt = new Map<string, number>();
    for (let seen = 0, waited = 0; doneAt.size < pending.length && waited < 10_000; waited += 100) {
      for (; seen < slack.calls.length; seen++) {
        const call = slack.calls[seen];
        if (call?.method !== 'chat.update') continue;
        const blocks = JSON.stringify(call.body.blocks);
        const request = pending.find((r) => blocks.includes(r.id));
        const settled = SETTLED_HEADLINES.some((headline) => String(call.body.text).startsWith(headline));
        if (request && settled && !doneAt.has(request.id)) doneAt.set(request.id, call.at);
      }
      if (doneAt.size < pending.length) await new Promise((r) => setTimeout(r, 100));
    }
    const settledAt = new Map<string, number>();
    for (const request of pending) {
      const events = await store.listAudit({ requestId: request.id });
      const settled = events.find(
        (e) => e.event === 'executed' || e.event === 'failed' || e.event === 'outcome_unknown',
      );
      if (settled) settledAt.set(request.id, settled.at);
    }
    const states: Record<string, number> = {};
    for (const request of pending) {
      const state = (await store.get(request.id))?.state ?? 'missing';
      states[state] = (states[state] ?? 0) + 1;
    }
    return {
      states,
      deletes: openai.requests.filter((r) => r.method === 'DELETE').length - deletesBefore,
      clickToDone: pending.map((r) => (settledAt.get(r.id) ?? Number.NaN) - (clickedAt.get(r.id) ?? 0)),
      clickToCard: pending.map((r) => (doneAt.get(r.id) ?? Number.NaN) - (clickedAt.get(r.id) ?? 0)),
      direct,
    };
  } finally {
    await store.close();
    await door.stop(5_000);
    await openai.close();
    await slack.close();
  }
}

/**
 * Approve click → executed with a slow Admin API, against one Admin API call measured in the same run:
 * 200 approvals while every call takes 2 s (sweeps every 0.5 s run meanwhile), then 50 approvals while
 * every call takes 45 s with the production sweep interval (30 s) and lease (120 s).
 */
export async function benchApprovals(count = 200, slowCount = 50): Promise<boolean> {
  const fast = await runScenario({ count, adminDelayMs: 2_000, sweepIntervalMs: 500, baseline: true });
  const slow = await runScenario({ count: slowCount, adminDelayMs: 45_000, baseline: false });

  const viaBot = summarize(fast.clickToDone);
  const toCard = summarize(fast.clickToCard);
  const baseline = summarize(fast.direct);
  const ratio = viaBot.p99 / baseline.p99;
  const slowTimes = summarize(slow.clickToDone);
  const executed = (o: Outcome) => o.states.succeeded ?? 0;
  const unknown = (o: Outcome) => o.states.outcome_unknown ?? 0;
  const fastOk = executed(fast) === count && unknown(fast) === 0 && fast.deletes === count && ratio <= 1.5;
  const slowOk = executed(slow) === slowCount && unknown(slow) === 0 && slow.deletes === slowCount;

  console.log(`\nApprove click → executed, with a slow Admin API (SQLite store)`);
  const row = (name: string, s: { p50: number; p99: number; max: number }, o?: Outcome): (string | number)[] => [
    name,
    fmt(s.p50),
    fmt(s.p99),
    fmt(s.max),
    o ? executed(o) : '',
    o ? unknown(o) : '',
    o ? o.deletes : '',
  ];
  printTable(
    ['scenario', 'p50', 'p99', 'max', 'executed', 'outcome_unknown', 'DELETEs sent'],
    [
      row(`${count} direct DELETEs at once, 2 s each (baseline)`, baseline),
      row(`${count} approvals at once, Admin API 2 s: click → executed`, viaBot, fast),
      row(`  the same, click → card shows it`, toCard),
      ['ratio executed / baseline (target p99 ≤ 1.5)', (viaBot.p50 / baseline.p50).toFixed(2), ratio.toFixed(2)],
      row(`${slowCount} approvals at once, Admin API 45 s: click → executed`, slowTimes, slow),
    ],
  );
  console.log(`final states: 2 s run ${JSON.stringify(fast.states)}, 45 s run ${JSON.stringify(slow.states)}`);
  console.log(fastOk && slowOk ? 'approvals: ok' : 'approvals: MISS');
  return fastOk && slowOk;
}
