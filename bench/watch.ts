import { pino } from 'pino';
import { startBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { appendAuditEvent, sessionActor } from '../src/playground/openai-org/state/audit-events.js';
import { startFakeAdminApi } from '../test/helpers/fake-admin-api/index.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';
import { writePolicy } from '../test/helpers/policy.js';
import { SIGNING_SECRET } from '../test/helpers/slack-requests.js';
import { printTable } from './stats.js';

const ADMIN_KEY = 'sk-admin-bench-key';
const TOKEN = 'xoxb-bench-token';
const CHANNEL = 'CSECURITY';
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * One audit-watch poll over `count` new events (all in the watched security set): Admin API pages against the
 * minimum (count / 100), posts and their pacing (one chat.postMessage per second per channel), and wall time against
 * a baseline that reads the same pages straight from the Admin API.
 */
export async function benchWatch(count = 10_000): Promise<boolean> {
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
    { logger: pino({ level: 'silent' }), webApiRetries: 0, watchTimer: false, grantTimer: false },
  );
  const actor = sessionActor({ id: 'user-ann', email: 'ann@x.com' });
  appendAuditEvent(openai.state, { type: 'login.succeeded', actor });
  await bot.container.commands.handle({ userId: 'UADMIN', source: 'slack', channelId: CHANNEL }, 'watch subscribe');
  const start = openai.state.auditLogs.at(-1)?.id ?? '';
  const types = ['api_key.created', 'api_key.deleted', 'service_account.created', 'user.deleted'];
  for (let i = 0; i < count; i++) {
    appendAuditEvent(openai.state, { type: types[i % types.length] as string, payload: { id: `obj_${i}` }, actor });
  }

  // Baseline: the same forward walk, 100 events a page, straight to the Admin API.
  const headers = { authorization: `Bearer ${ADMIN_KEY}` };
  const baselineStart = performance.now();
  let before = start;
  let baselinePages = 0;
  for (;;) {
    const page = (await (
      await fetch(`${openai.url}/organization/audit_logs?limit=100&before=${before}`, { headers })
    ).json()) as { data: { id: string }[]; first_id: string; has_more: boolean };
    baselinePages += 1;
    if (page.data.length === 0 || !page.has_more) break;
    before = page.first_id;
  }
  const baseline = performance.now() - baselineStart;

  const reads = () => openai.requests.filter((r) => r.method === 'GET' && r.path === '/organization/audit_logs').length;
  const readsBefore = reads();
  const postsBefore = slack.callsTo('chat.postMessage').length;
  const started = performance.now();
  await bot.container.watch.tick();
  const elapsed = performance.now() - started;
  const pages = reads() - readsBefore;
  const posts = slack.callsTo('chat.postMessage').slice(postsBefore);
  const gaps = posts.slice(1).map((p, i) => p.at - (posts[i]?.at ?? 0));
  const minimum = Math.ceil(count / 100);
  const ok = pages === minimum && gaps.every((gap) => gap >= 990) && posts.length > 0;
  console.log(`\nAudit watch: one poll over ${count} new events, one watching channel`);
  printTable(
    ['path', 'wall time', 'Admin API pages', 'posts', 'least gap between posts'],
    [
      ['forward walk straight to the Admin API (baseline)', s(baseline), baselinePages, '', ''],
      [
        'one watch poll through the bot',
        s(elapsed),
        `${pages} (minimum ${minimum})`,
        posts.length,
        `${Math.min(...gaps)} ms`,
      ],
      [
        'ratio bot / baseline',
        (elapsed / baseline).toFixed(1),
        ok ? 'ok' : 'MISS',
        '',
        'limit used: 1 post/s per channel',
      ],
    ],
  );
  await bot.stop(5_000);
  await openai.close();
  await slack.close();
  return ok;
}
