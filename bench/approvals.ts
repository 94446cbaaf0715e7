import { pino } from 'pino';
import { startBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { startFakeAdminApi } from '../test/helpers/fake-admin-api/index.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';
import { APPROVAL_CHANNEL, writePolicy } from '../test/helpers/policy.js';
import { commandBody, payloadBody, postSigned, SIGNING_SECRET } from '../test/helpers/slack-requests.js';
import { fmt, printTable, summarize } from './stats.js';

const ADMIN_KEY = 'sk-admin-bench-key';
const TOKEN = 'xoxb-bench-token';

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

/** Time from Approve click to executed for `count` requests approved at once, against a bare Admin API call. */
export async function benchApprovals(count = 200): Promise<boolean> {
  const slack = await new FakeSlack().start();
  const openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
  const bot = await startBot(
    loadConfig({
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      OPENAI_ADMIN_KEY: ADMIN_KEY,
      OPENAI_BASE_URL: openai.url,
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: 'sqlite::memory:',
      POLICY_FILE: writePolicy(),
      PORT: '0',
    }),
    { logger: pino({ level: 'silent' }), webApiRetries: 0 },
  );
  const botUrl = `http://127.0.0.1:${bot.port}`;
  const users = Array.from({ length: count * 2 }, (_, i) => openai.state.addUser({ email: `bench${i}@x.com` }));

  // Baseline: the same DELETE sent straight to the fake Admin API, all at once.
  const direct = await Promise.all(
    users.slice(count).map(async (user) => {
      const started = performance.now();
      await fetch(`${openai.url}/organization/users/${user.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${ADMIN_KEY}` },
      }).then((r) => r.text());
      return performance.now() - started;
    }),
  );

  for (const user of users.slice(0, count)) {
    await postSigned(
      botUrl,
      commandBody({ text: `users remove ${user.email}`, userId: 'UADMIN', responseUrl: slack.responseUrl('x') }),
    );
  }
  await bot.container.inFlight.drain(60_000);
  const pending = await bot.container.store.listByState(['pending'], { limit: count });
  const deletesBefore = openai.requests.filter((r) => r.method === 'DELETE').length;
  const clickedAt = new Map<string, number>();
  await Promise.all(
    pending.map((request) => {
      clickedAt.set(request.id, performance.now());
      return postSigned(botUrl, approvePayload(request.id, 'UAPPROVER', slack.responseUrl(`a-${request.id}`)));
    }),
  );
  const doneAt = new Map<string, number>();
  const deadline = Date.now() + 60_000;
  while (doneAt.size < pending.length && Date.now() < deadline) {
    for (const request of await bot.container.store.listRecent({ limit: count })) {
      if (request.state === 'succeeded' && !doneAt.has(request.id)) doneAt.set(request.id, performance.now());
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await bot.container.inFlight.drain(60_000);
  const executions = openai.requests.filter((r) => r.method === 'DELETE').length - deletesBefore;
  const latencies = pending.map((r) => (doneAt.get(r.id) ?? Number.NaN) - (clickedAt.get(r.id) ?? 0));
  const viaBot = summarize(latencies);
  const baseline = summarize(direct);
  const ok = executions === count && doneAt.size === count;
  console.log(`\nApprove click → executed, ${count} requests approved at once (SQLite store)`);
  printTable(
    ['path', 'p50', 'p99', 'max', 'executions'],
    [
      ['direct DELETE to the Admin API (baseline)', fmt(baseline.p50), fmt(baseline.p99), fmt(baseline.max), count],
      ['Approve click → executed through the bot', fmt(viaBot.p50), fmt(viaBot.p99), fmt(viaBot.max), executions],
      [
        'ratio bot / baseline',
        (viaBot.p50 / baseline.p50).toFixed(1),
        (viaBot.p99 / baseline.p99).toFixed(1),
        '',
        ok ? 'ok' : 'MISS',
      ],
    ],
  );
  await bot.stop(5_000);
  await openai.close();
  await slack.close();
  return ok;
}
