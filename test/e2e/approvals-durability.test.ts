import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/create-store.js';
import type { Store } from '../../src/storage/store.js';
import { approve, requestIdOf } from '../helpers/approvals.js';
import { type BotProcess, spawnBot } from '../helpers/bot-process.js';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { ADMIN_KEY, BOT_TOKEN } from '../helpers/harness.js';
import { APPROVAL_CHANNEL, USERS, writePolicy } from '../helpers/policy.js';
import { commandBody, postSigned, SIGNING_SECRET } from '../helpers/slack-requests.js';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('approvals survive crashes and several replicas', () => {
  let slack: FakeSlack;
  let openai: FakeAdminApi;
  const bots: BotProcess[] = [];
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
  });
  afterEach(async () => {
    await Promise.all(bots.splice(0).map((b) => (b.child.exitCode === null ? b.kill() : undefined)));
    openai.reset();
  });
  afterAll(async () => {
    await openai.close();
    await slack.close();
  });

  const env = (databaseUrl: string, extra: Record<string, string> = {}) => ({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    OPENAI_ADMIN_KEY: ADMIN_KEY,
    OPENAI_BASE_URL: openai.url,
    SLACK_API_URL: slack.apiUrl,
    DATABASE_URL: databaseUrl,
    POLICY_FILE: writePolicy(),
    LOG_LEVEL: 'warn',
    ...extra,
  });
  const start = async (e: Record<string, string>) => {
    const bot = await spawnBot(e);
    bots.push(bot);
    return bot;
  };
  const requestRemoval = async (bot: BotProcess, email: string) => {
    const mark = slack.mark();
    const body = commandBody({
      text: `users remove ${email}`,
      userId: USERS.admin,
      responseUrl: slack.responseUrl(`d-${email}`),
    });
    expect((await postSigned(bot.url, body)).status).toBe(200);
    const card = await slack.waitFor(
      mark,
      (c) => c.method === 'chat.postMessage' && c.body.channel === APPROVAL_CHANNEL,
      10_000,
    );
    return { card, id: requestIdOf(card) };
  };
  const waitForState = async (store: Store, id: string, state: string, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await store.get(id))?.state === state) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`request ${id} is ${(await store.get(id))?.state}, never ${state}`);
  };
  const sqliteUrl = () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'openai-bot-crash-')), 'bot.db')}`;

  it('two bot processes on one PostgreSQL database execute a request once when both get Approve clicks', async () => {
    const schema = `approvals_e2e_${process.pid}_${Date.now()}`;
    const extra = { TEST_DB_SCHEMA: schema };
    const [a, b] = [await start(env(PG_URL, extra)), await start(env(PG_URL, extra))];
    const store = await createStore(PG_URL, { schema });
    try {
      const user = openai.state.addUser({ email: 'ivy@x.com' });
      const { card, id } = await requestRemoval(a as BotProcess, 'ivy@x.com');
      const clicks = Array.from({ length: 20 }, (_, i) =>
        approve(
          { slack, botUrl: (i % 2 === 0 ? a : b)?.url ?? '' },
          card,
          i % 4 < 2 ? USERS.approver : USERS.approver2,
        ),
      );
      expect((await Promise.all(clicks)).every((c) => c.status === 200)).toBe(true);
      await waitForState(store, id, 'succeeded');
      await new Promise((r) => setTimeout(r, 300));
      expect(
        openai.requests.filter((r) => r.method === 'DELETE' && r.path === `/organization/users/${user.id}`),
      ).toHaveLength(1);
    } finally {
      await store.close();
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });

  it('a bot killed while a request is pending is restarted and the request can still be approved', async () => {
    const url = sqliteUrl();
    const first = await start(env(url));
    const user = openai.state.addUser({ email: 'jon@x.com' });
    const { card, id } = await requestRemoval(first, 'jon@x.com');
    await first.kill();
    const second = await start(env(url));
    await approve({ slack, botUrl: second.url }, card, USERS.approver);
    const store = await createStore(url);
    try {
      await waitForState(store, id, 'succeeded');
    } finally {
      await store.close();
    }
    expect(
      openai.requests.filter((r) => r.method === 'DELETE' && r.path === `/organization/users/${user.id}`),
    ).toHaveLength(1);
  });

  it('a bot killed during execution leaves the request outcome_unknown on restart, never re-run', async () => {
    const url = sqliteUrl();
    const fast = { TEST_LEASE_MS: '1000', TEST_SWEEP_MS: '200', TEST_ADMIN_TIMEOUT_MS: '20000' };
    const first = await start(env(url, fast));
    const user = openai.state.addUser({ email: 'kim@x.com' });
    const { card, id } = await requestRemoval(first, 'kim@x.com');
    openai.fail({ method: 'DELETE', path: `/organization/users/${user.id}`, status: 200, body: {}, delayMs: 15_000 });
    await approve({ slack, botUrl: first.url }, card, USERS.approver);
    const store = await createStore(url);
    try {
      await waitForState(store, id, 'executing');
      // Kill it while the DELETE is in flight: sent, not yet answered.
      for (let i = 0; i < 400 && !openai.requests.some((r) => r.method === 'DELETE'); i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      const killed = slack.mark();
      await first.kill();
      await start(env(url, fast));
      await waitForState(store, id, 'outcome_unknown');
      const updated = await slack.waitFor(
        killed,
        (c) =>
          c.method === 'chat.update' &&
          JSON.stringify(c.body.blocks).includes('Outcome unknown') &&
          JSON.stringify(c.body.blocks).includes(id),
        // A restarted process on a busy machine: the card follows the state, but not always within 5 s.
        15_000,
      );
      expect(JSON.stringify(updated.body.blocks)).toContain('will not be retried');
      expect((await store.listAudit({ requestId: id })).map((e) => e.event)).toContain('outcome_unknown');
    } finally {
      await store.close();
    }
    expect(openai.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  }, 45_000);
});
