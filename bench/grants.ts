import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { type RunningBot, startBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { mapWithLimit } from '../src/domain/digests/limit-concurrency.js';
import { startFakeAdminApi } from '../test/helpers/fake-admin-api/index.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';
import { writePolicy } from '../test/helpers/policy.js';
import { SIGNING_SECRET } from '../test/helpers/slack-requests.js';
import { printTable } from './stats.js';

const ADMIN_KEY = 'sk-admin-bench-key';
const TOKEN = 'xoxb-bench-token';
const CONCURRENCY = 16;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * `count` grants expiring in the same minute, the fake Admin API answering every call after `latencyMs`, two
 * replicas sharing one SQLite file with their expiry timers running as in production (every 15 s). Measures the time
 * from the moment all are due to the last one undone, and the DELETEs sent (must be exactly `count`), against a
 * baseline: the same check-then-remove calls sent straight to the Admin API at the same concurrency.
 */
export async function benchGrantExpiry(count = 1_000, latencyMs = 200): Promise<boolean> {
  const slack = await new FakeSlack().start();
  const openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
  const databaseUrl = `sqlite:${join(mkdtempSync(join(tmpdir(), 'openai-bot-bench-grants-')), 'bot.db')}`;
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const config = loadConfig({
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    OPENAI_ADMIN_KEY: ADMIN_KEY,
    OPENAI_BASE_URL: openai.url,
    SLACK_API_URL: slack.apiUrl,
    DATABASE_URL: databaseUrl,
    POLICY_FILE: writePolicy(),
    PORT: '0',
  });
  const bots: RunningBot[] = [];
  for (let i = 0; i < 2; i++) {
    bots.push(await startBot(config, { logger: pino({ level: 'silent' }), webApiRetries: 0, now }));
  }
  const [first] = bots as [RunningBot];
  const project = openai.state.addProject({ name: 'Bench' });
  const users = Array.from({ length: count * 2 }, (_, i) => openai.state.addUser({ email: `g${i}@x.com` }));
  for (const user of users) openai.state.addProjectUser(project.id, { userId: user.id, role: 'member' });
  const grantUsers = users.slice(0, count);
  for (const [i, user] of grantUsers.entries()) {
    await first.container.grants.open({
      kind: 'project_member',
      projectId: project.id,
      projectName: 'Bench',
      userId: user.id,
      email: user.email,
      role: 'member',
      durationMs: 60_000 + (i % 60) * 500,
      grantedBy: 'UBENCH',
    });
  }
  openai.setDelay(latencyMs);

  // Baseline: the same read-then-delete pairs sent straight to the Admin API with the bot's concurrency.
  const headers = { authorization: `Bearer ${ADMIN_KEY}` };
  const baselineStart = performance.now();
  await mapWithLimit(users.slice(count), CONCURRENCY, async (user) => {
    const member = `${openai.url}/organization/projects/${project.id}/users/${user.id}`;
    await fetch(member, { headers }).then((r) => r.text());
    await fetch(member, { method: 'DELETE', headers }).then((r) => r.text());
  });
  const baseline = performance.now() - baselineStart;

  const deletesBefore = openai.requests.filter((r) => r.method === 'DELETE').length;
  offset = 90_000; // every grant is now due (they expired over the last 30 s)
  const dueAt = performance.now();
  const deadline = Date.now() + 180_000;
  const members = openai.state.projects.get(project.id)?.members;
  while (grantUsers.some((u) => members?.has(u.id)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const elapsed = performance.now() - dueAt;
  await new Promise((r) => setTimeout(r, 1_000));
  const deletes = openai.requests.filter((r) => r.method === 'DELETE').length - deletesBefore;
  const left = grantUsers.filter((u) => members?.has(u.id)).length;
  const ok = left === 0 && deletes === count && elapsed < 120_000;
  console.log(`\nGrant expiry: ${count} grants due in the same minute, Admin API latency ${latencyMs} ms, 2 replicas`);
  printTable(
    ['path', 'wall time', 'DELETEs', 'still there'],
    [
      [`direct check+DELETE, ${CONCURRENCY} at once (baseline)`, s(baseline), count, 0],
      ['all due → all taken back by the bot (timer every 15 s)', s(elapsed), deletes, left],
      ['ratio bot / baseline', (elapsed / baseline).toFixed(2), ok ? 'exactly once' : 'MISS', ''],
    ],
  );
  for (const bot of bots) await bot.stop(5_000);
  await openai.close();
  await slack.close();
  return ok;
}
