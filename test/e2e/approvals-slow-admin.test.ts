import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/create-store.js';
import type { Store } from '../../src/storage/store.js';
import { approve, requestIdOf } from '../helpers/approvals.js';
import { type BotProcess, type SpawnOptions, spawnBot } from '../helpers/bot-process.js';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { ADMIN_KEY, BOT_TOKEN } from '../helpers/harness.js';
import { APPROVAL_CHANNEL, USERS, writePolicy } from '../helpers/policy.js';
import { commandBody, postSigned, SIGNING_SECRET } from '../helpers/slack-requests.js';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/**
 * The Admin API answers the DELETE after this long: longer than the lease (renewed several times meanwhile)
 * and than many sweeps. Production runs 30 s sweeps and 120 s leases against a call of 45 s or more; the
 * test keeps the same order of durations at a smaller scale.
 */
const DELETE_DELAY_MS = 4_000;
const SCALED = { TEST_SWEEP_MS: '200', TEST_LEASE_MS: '1000' };
const TEN_MINUTES = 10 * 60_000;

describe('an Admin API slower than the sweep interval and the execution lease', () => {
  let slack: FakeSlack;
  let openai: FakeAdminApi;
  const bots: BotProcess[] = [];
  const schemas: string[] = [];
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
    if (schemas.length === 0) return;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
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
    ...SCALED,
    ...extra,
  });
  const start = async (e: Record<string, string>, options: SpawnOptions = {}) => {
    const bot = await spawnBot(e, options);
    bots.push(bot);
    return bot;
  };
  const pgSchema = () => {
    const schema = `slow_admin_${process.pid}_${Date.now()}_${schemas.length}`;
    schemas.push(schema);
    return schema;
  };

  /** Files `users remove`, makes its DELETE slow, clicks Approve and checks everything the requester relies on. */
  async function removeThroughSlowDelete(store: Store, requestVia: BotProcess, approveVia: BotProcess) {
    const user = openai.state.addUser({ email: `slow-${Date.now()}@x.com` });
    const seen = slack.mark();
    const body = commandBody({
      text: `users remove ${user.email}`,
      userId: USERS.admin,
      responseUrl: slack.responseUrl(`slow-${user.id}`),
    });
    expect((await postSigned(requestVia.url, body)).status).toBe(200);
    const card = await slack.waitFor(
      seen,
      (c) => c.method === 'chat.postMessage' && c.body.channel === APPROVAL_CHANNEL,
      10_000,
    );
    const id = requestIdOf(card);
    const deletePath = `/organization/users/${user.id}`;
    openai.fail({
      method: 'DELETE',
      path: deletePath,
      status: 200,
      body: { object: 'organization.user.deleted', id: user.id, deleted: true },
      headers: { 'x-request-id': `req_slow_${user.id}` },
      delayMs: DELETE_DELAY_MS,
    });
    expect((await approve({ slack, botUrl: approveVia.url }, card, USERS.approver)).status).toBe(200);

    const told = await slack.waitFor(
      seen,
      (c) =>
        c.method === 'chat.postMessage' &&
        c.body.channel === USERS.admin &&
        String(c.body.text).startsWith(`Your request ${id}:`),
      DELETE_DELAY_MS + 10_000,
    );
    expect(told.body.text).toBe(`Your request ${id}: Approved and done`);
    expect(await store.get(id)).toMatchObject({ state: 'succeeded', openai_request_id: `req_slow_${user.id}` });
    const events = await store.listAudit({ requestId: id });
    expect(events.map((e) => e.event)).not.toContain('outcome_unknown');
    expect(events.filter((e) => e.event === 'executed')).toEqual([
      expect.objectContaining({ openai_request_id: `req_slow_${user.id}` }),
    ]);
    const finalCard = [...slack.messages.values()].find(
      (m) => m.channel === APPROVAL_CHANNEL && JSON.stringify(m.blocks).includes(id),
    );
    expect(String(finalCard?.text)).toMatch(/^Approved and done: /);
    await new Promise((r) => setTimeout(r, 500));
    expect(openai.requests.filter((r) => r.method === 'DELETE' && r.path === deletePath)).toHaveLength(1);
  }

  it('one bot process: the card ends succeeded, one DELETE, the executed row keeps the OpenAI request id', async () => {
    const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'openai-bot-slow-')), 'bot.db')}`;
    const bot = await start(env(url));
    const store = await createStore(url);
    try {
      await removeThroughSlowDelete(store, bot, bot);
    } finally {
      await store.close();
    }
  });

  it('two replicas on one PostgreSQL: the sweeping replica leaves the other’s slow execution alone', async () => {
    const schema = pgSchema();
    const [a, b] = await Promise.all([
      start(env(PG_URL, { TEST_DB_SCHEMA: schema })),
      start(env(PG_URL, { TEST_DB_SCHEMA: schema })),
    ]);
    const store = await createStore(PG_URL, { schema });
    try {
      await removeThroughSlowDelete(store, a as BotProcess, b as BotProcess);
    } finally {
      await store.close();
    }
  });

  it('a replica whose clock runs ten minutes fast does not take over a live execution', async () => {
    const schema = pgSchema();
    // Only the fast replica sweeps during the test, so any takeover would be its doing.
    const [honest] = await Promise.all([
      start(env(PG_URL, { TEST_DB_SCHEMA: schema, TEST_SWEEP_MS: '600000' })),
      start(env(PG_URL, { TEST_DB_SCHEMA: schema }), { clockOffsetMs: TEN_MINUTES }),
    ]);
    const store = await createStore(PG_URL, { schema });
    try {
      await removeThroughSlowDelete(store, honest, honest);
    } finally {
      await store.close();
    }
  });
});
