import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { ADMIN_KEY, type Harness, startHarness } from '../helpers/harness.js';
import { alertsIn, askIn, digestsIn, TestClock } from './digest-helpers.js';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `digest_replicas_${process.pid}_${randomBytes(4).toString('hex')}`;

async function sql(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const unreachable = await sql('select 1').then(
  () => undefined,
  (error: unknown) => (error instanceof Error ? error.message : String(error)),
);

describe.skipIf(unreachable !== undefined && process.env.SKIP_POSTGRES === '1')(
  'two bot processes sharing one PostgreSQL database',
  () => {
    const clock = new TestClock('2026-03-15T07:00:00Z');
    let slack: FakeSlack;
    let openai: FakeAdminApi;
    let a: Harness;
    let b: Harness;
    let alpha: string;

    beforeAll(async () => {
      if (unreachable) throw new Error(`PostgreSQL is not reachable at ${url}: ${unreachable} (SKIP_POSTGRES=1 skips)`);
      slack = await new FakeSlack().start();
      openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
      const options = {
        slack,
        openai,
        env: { DATABASE_URL: url },
        start: { databaseSchema: schema, now: clock.now, digestTimer: false },
      };
      a = await startHarness(options);
      b = await startHarness(options);
      // Each bot checks its token at start; let both answers arrive before the fakes can close.
      while (slack.callsTo('auth.test').length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      clock.follow(a);
      alpha = openai.state.addProject({ name: 'Alpha' }).id;
      openai.state.addSpendAlert({ projectId: alpha, thresholdAmount: 10_000, recipients: ['a@x.com'] });
      openai.state.addCost({ projectId: alpha, day: '2026-03-10', amount: 20 });
    });

    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
      await openai?.close();
      await slack?.close();
      if (!unreachable) await sql(`drop schema if exists "${schema}" cascade`);
    });

    const both = <T>(run: (h: Harness) => Promise<T>) => Promise.all([run(a), run(b)]);

    it('post each scheduled digest exactly once', async () => {
      await askIn(a, 'CREPLICA', 'digest subscribe daily 09:00 UTC');
      await askIn(b, 'CREPLICA2', 'digest subscribe weekdays 09:00 Europe/Berlin');
      expect(await b.bot.container.store.listSubscriptions()).toHaveLength(2);

      clock.set('2026-03-16T09:00:01Z');
      const reports = await both((h) => h.bot.container.digests.tick());
      for (let i = 0; i < 3; i++) await both((h) => h.bot.container.digests.tick());
      expect(reports.flatMap((r) => r.digests)).toHaveLength(2);
      expect(digestsIn(a, 'CREPLICA')).toHaveLength(1);
      expect(digestsIn(a, 'CREPLICA2')).toHaveLength(1);

      clock.set('2026-03-17T09:00:01Z');
      await both((h) => h.bot.container.digests.tick());
      expect(digestsIn(a, 'CREPLICA')).toHaveLength(2);
      expect(digestsIn(a, 'CREPLICA2')).toHaveLength(2);
    });

    it('post each threshold alert exactly once, however many checks both run', async () => {
      openai.state.addCost({ projectId: alpha, day: '2026-03-16', amount: 35 });
      for (let i = 0; i < 4; i++) await both((h) => h.bot.container.digests.checkAlerts());
      expect(alertsIn(a, 'CREPLICA')).toHaveLength(1);
      expect(JSON.stringify(alertsIn(a, 'CREPLICA')[0]?.body.blocks)).toContain('reached 50% of its $100.00');

      openai.state.addCost({ projectId: alpha, day: '2026-03-16', amount: 50 });
      for (let i = 0; i < 4; i++) await both((h) => h.bot.container.digests.checkAlerts());
      // 80% and 100% were reached together: one replica may announce both in one line, or each replica one of them.
      // Either way every level appears exactly once in each channel.
      const levelsIn = (channel: string) =>
        alertsIn(a, channel)
          .flatMap((call) => JSON.stringify(call.body.blocks).match(/reached ([\d%, and]+) of its/)?.[1] ?? [])
          .flatMap((levels) => levels.match(/\d+%/g) ?? [])
          .sort();
      expect(levelsIn('CREPLICA')).toEqual(['100%', '50%', '80%']);
      expect(levelsIn('CREPLICA2')).toEqual(['100%', '50%', '80%']);
    });
  },
);
