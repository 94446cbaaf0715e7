import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/create-store.js';
import { approve, requestIdOf } from '../helpers/approvals.js';
import { type BotProcess, spawnBot } from '../helpers/bot-process.js';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { ADMIN_KEY, BOT_TOKEN } from '../helpers/harness.js';
import { APPROVAL_CHANNEL, USERS, writePolicy } from '../helpers/policy.js';
import { commandBody, postSigned, SIGNING_SECRET } from '../helpers/slack-requests.js';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe.skipIf(process.env.SKIP_POSTGRES === '1')('grants across replicas and restarts on PostgreSQL', () => {
  let slack: FakeSlack;
  let openai: FakeAdminApi;
  const bots: BotProcess[] = [];
  const schema = `grants_e2e_${process.pid}_${Date.now()}`;
  const clockFile = join(mkdtempSync(join(tmpdir(), 'openai-bot-clock-')), 'offset');
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
    writeFileSync(clockFile, '0');
  });
  afterEach(async () => {
    await Promise.all(bots.splice(0).map((b) => (b.child.exitCode === null ? b.kill() : undefined)));
  });
  afterAll(async () => {
    await openai.close();
    await slack.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  const start = async () => {
    const bot = await spawnBot({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      OPENAI_ADMIN_KEY: ADMIN_KEY,
      OPENAI_BASE_URL: openai.url,
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: PG_URL,
      POLICY_FILE: writePolicy(),
      LOG_LEVEL: 'warn',
      TEST_DB_SCHEMA: schema,
      TEST_CLOCK_FILE: clockFile,
      TEST_GRANT_MS: '100',
    });
    bots.push(bot);
    return bot;
  };
  const until = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`never: ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  it('two replicas take a grant back exactly once at expiry, with one of them restarted in between', {
    timeout: 60_000,
  }, async () => {
    const alpha = openai.state.addProject({ name: 'Alpha' });
    const bob = openai.state.addUser({ email: 'bob@x.com' });
    const [a, b] = [await start(), await start()];
    const body = commandBody({
      text: 'members add Alpha bob@x.com --for 1h',
      userId: USERS.admin,
      responseUrl: slack.responseUrl('grant-add'),
    });
    expect((await postSigned((a as BotProcess).url, body)).status).toBe(200);
    await until('bob added', () => openai.state.projects.get(alpha.id)?.members.has(bob.id) === true);
    await (a as BotProcess).kill();
    writeFileSync(clockFile, String(3_600_000 + 1_000));
    const again = await start();
    await until('bob removed', () => openai.state.projects.get(alpha.id)?.members.has(bob.id) === false);
    await new Promise((r) => setTimeout(r, 1_000));
    const deletes = openai.requests.filter(
      (r) => r.method === 'DELETE' && r.path === `/organization/projects/${alpha.id}/users/${bob.id}`,
    );
    expect(deletes).toHaveLength(1);
    const store = await createStore(PG_URL, { schema });
    try {
      const [grant] = await store.grants.listActiveGrants();
      expect(grant).toBeUndefined();
      const ended = (await store.listAudit()).filter((e) => e.event === 'grant_ended');
      expect(ended).toHaveLength(1);
    } finally {
      await store.close();
    }
    expect([b, again].every((bot) => bot?.child.exitCode === null)).toBe(true);
  });

  it('an access request approved on one replica is taken back once at expiry after the other restarts', {
    timeout: 60_000,
  }, async () => {
    writeFileSync(clockFile, '0');
    const beta = openai.state.addProject({ name: 'Beta' });
    const sam = openai.state.addUser({ email: 'sam@x.com' });
    slack.users.set(USERS.stranger, { id: USERS.stranger, email: 'sam@x.com' });
    const [a, b] = [await start(), await start()];
    const seen = slack.mark();
    const body = commandBody({
      text: 'access request Beta --for 2h --reason "incident"',
      userId: USERS.stranger,
      responseUrl: slack.responseUrl('access-beta'),
    });
    expect((await postSigned((a as BotProcess).url, body)).status).toBe(200);
    const card = await slack.waitFor(
      seen,
      (c) => c.method === 'chat.postMessage' && c.body.channel === APPROVAL_CHANNEL,
      10_000,
    );
    expect(openai.state.projects.get(beta.id)?.members.has(sam.id)).toBe(false);
    expect((await approve({ slack, botUrl: (b as BotProcess).url }, card, USERS.approver)).status).toBe(200);
    await until('sam added', () => openai.state.projects.get(beta.id)?.members.has(sam.id) === true);
    const watcher = await createStore(PG_URL, { schema });
    try {
      await until('request succeeded', async () => (await watcher.get(requestIdOf(card)))?.state === 'succeeded');
    } finally {
      await watcher.close();
    }
    await (b as BotProcess).kill();
    writeFileSync(clockFile, String(2 * 3_600_000 + 1_000));
    await start();
    await until('sam removed', () => openai.state.projects.get(beta.id)?.members.has(sam.id) === false);
    await new Promise((r) => setTimeout(r, 1_000));
    const path = `/organization/projects/${beta.id}/users`;
    expect(openai.requests.filter((r) => r.method === 'POST' && r.path === path)).toHaveLength(1);
    expect(openai.requests.filter((r) => r.method === 'DELETE' && r.path === `${path}/${sam.id}`)).toHaveLength(1);
    const store = await createStore(PG_URL, { schema });
    try {
      expect((await store.get(requestIdOf(card)))?.state).toBe('succeeded');
      expect((await store.listAudit()).filter((e) => e.event === 'grant_ended')).toHaveLength(2);
    } finally {
      await store.close();
    }
  });
});
