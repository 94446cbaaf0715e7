import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/create-store.js';
import { requestApproval, requestIdOf } from '../helpers/approvals.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { clickButton } from '../helpers/interactions.js';
import { USERS } from '../helpers/policy.js';
import { startStallingPostgres } from '../helpers/stalling-postgres.js';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Slack's deadline for an answer; the bot must say something private within it. */
const SLACK_DEADLINE_MS = 3_000;
const STORE_ERROR = 'The bot’s database is not answering right now';

describe('a PostgreSQL that stops answering', () => {
  const schemas: string[] = [];
  afterAll(async () => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it('makes opening the store fail with a clear error instead of hanging', async () => {
    const silent = await startStallingPostgres();
    try {
      await expect(createStore(silent.url)).rejects.toThrow(/PostgreSQL did not answer/);
    } finally {
      await silent.close();
    }
  });

  it('turns /healthz to 503 and answers an Approve click privately, both within Slack’s deadline', async () => {
    const proxy = await startStallingPostgres(PG_URL);
    const schema = `store_outage_${process.pid}_${Date.now()}`;
    schemas.push(schema);
    let h: Harness | undefined;
    try {
      h = await startHarness({ env: { DATABASE_URL: proxy.url }, start: { databaseSchema: schema } });
      const harness = h;
      harness.openai.state.addUser({ email: 'stall@x.com' });
      const { card, id } = await requestApproval(harness, 'users remove stall@x.com');
      expect((await fetch(`${harness.botUrl}/healthz`)).status).toBe(200);

      proxy.stall();
      const health = await fetch(`${harness.botUrl}/healthz`, { signal: AbortSignal.timeout(SLACK_DEADLINE_MS) });
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ ok: false });

      const click = await clickButton(harness, {
        actionId: 'approval.approve',
        value: requestIdOf(card),
        userId: USERS.approver,
      });
      expect(click.status).toBe(200);
      const reply = await harness.slack.waitForResponse(click.responseId, SLACK_DEADLINE_MS);
      expect(String(reply.body.text)).toContain(STORE_ERROR);
      expect(reply.body.response_type).toBe('ephemeral');

      proxy.resume();
      expect((await fetch(`${harness.botUrl}/healthz`)).status).toBe(200);
      expect((await harness.bot.container.store.get(id))?.state).toBe('pending');
      expect(harness.openai.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    } finally {
      proxy.resume();
      await h?.close();
      await proxy.close();
    }
  });
});
