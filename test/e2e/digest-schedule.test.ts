import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';
import { askIn, digestsIn, subscriptionIdOf, TestClock } from './digest-helpers.js';

const CHANNEL = 'CDIGEST';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('scheduled spend digests through the real app', () => {
  const clock = new TestClock('2026-03-15T07:00:00Z');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ start: { now: clock.now, digestTimer: false } });
    clock.follow(h);
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    for (const sub of await h.bot.container.store.listSubscriptions()) {
      await h.bot.container.store.deleteSubscription(sub.id, sub.channel_id);
    }
    h.openai.reset();
    h.slack.calls.length = 0;
    clock.set('2026-03-15T07:00:00Z');
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    for (let d = 1; d <= 14; d++)
      h.openai.state.addCost({ projectId: alpha.id, day: `2026-03-${d}`.replace(/-(\d)$/, '-0$1'), amount: 12 });
  });

  const tick = () => h.bot.container.digests.tick();

  it('subscribes the channel, lists it there, and refuses to unsubscribe it from another channel', async () => {
    const answer = await askIn(h, CHANNEL, 'digest subscribe daily 09:00 europe/berlin --mute movers');
    expect(answer.body.response_type).toBe('in_channel');
    const text = messageText(answer);
    expect(text).toContain('This channel gets the spend digest daily at 09:00 (Europe/Berlin).');
    expect(text).toContain('next digest 15 Mar 2026, 09:00 Europe/Berlin');
    const id = subscriptionIdOf(answer);
    const [stored] = await h.bot.container.store.listSubscriptions(CHANNEL);
    expect(stored).toMatchObject({ id, schedule: '0 9 * * *', timezone: 'Europe/Berlin', muted_sections: ['movers'] });
    expect(stored?.created_by).toBe(USERS.admin);

    expect(messageText(await askIn(h, CHANNEL, 'digest list', USERS.viewer))).toContain(
      `daily at 09:00 (Europe/Berlin)*  ·  \`${id}\``,
    );
    expect(messageText(await askIn(h, 'COTHER', 'digest list'))).toContain('No spend digests in this channel.');
    expect(messageText(await askIn(h, 'COTHER', `digest unsubscribe ${id}`))).toContain(
      `Spend digest ${id} belongs to another channel; unsubscribe it there.`,
    );
    expect(await h.bot.container.store.listSubscriptions(CHANNEL)).toHaveLength(1);
    expect(messageText(await askIn(h, CHANNEL, `digest unsubscribe ${id}`))).toContain(`Stopped spend digest ${id}`);
    expect(await h.bot.container.store.listSubscriptions()).toHaveLength(0);
  });

  it.each([
    ['daily 9am Europe/Berlin', '"9am" is not a time; use HH:MM in 24-hour form'],
    ['daily 09:00 Europe/Berln', '"Europe/Berln" is not a time zone; use an IANA name'],
    ['daily 09:00', 'Add a time zone after the time'],
    ['weekly funday 09:00 UTC', '"funday" is not a day of the week'],
    ['monthly 31 09:00 UTC', '"31" is not a day of the month we can use'],
    ['hourly 09:00 UTC', '"hourly" is not a schedule; use daily 09:00 Europe/Berlin'],
    ['"*/10 * * * *" UTC', '"*/10 * * * *" would post every 10 minutes; a digest may go out at most once an hour.'],
    ['"0 25 * * *" UTC', '"0 25 * * *" is not a valid cron expression'],
    ['"0 9 * *" UTC', 'is not a cron expression of 5 fields'],
    ['daily 09:00 UTC --mute charts', '"charts" is not a digest section; use projects, forecast'],
    ['daily 09:00 UTC --project Nowhere', 'No project is named "Nowhere"'],
  ])('refuses "digest subscribe %s" with a specific message and stores nothing', async (args, message) => {
    expect(messageText(await askIn(h, CHANNEL, `digest subscribe ${args}`))).toContain(message);
    expect(await h.bot.container.store.listSubscriptions()).toHaveLength(0);
  });

  it('lets only admins subscribe and unsubscribe', async () => {
    const text = messageText(await askIn(h, CHANNEL, 'digest subscribe daily 09:00 UTC', USERS.viewer));
    expect(text).toContain('You are not allowed to make this change');
    expect(await h.bot.container.store.listSubscriptions()).toHaveLength(0);
  });

  it('posts the digest when its time comes in its time zone, once, with the chart PNG in its thread', async () => {
    await askIn(h, CHANNEL, 'digest subscribe "0 9 * * *" Europe/Berlin');
    clock.set('2026-03-15T07:59:59Z');
    expect((await tick()).digests).toEqual([]);
    clock.set('2026-03-15T08:00:02Z');
    const mark = h.slack.mark();
    const report = await tick();
    expect(report.digests).toHaveLength(1);
    expect(report.digests[0]).toMatch(/@2026-03-15T08:00:00\.000Z$/);
    const [digest] = digestsIn(h, CHANNEL);
    expect(messageText(digest as never)).toContain('*Month to date:* $168.00 across 1 project with spend');

    const upload = await h.slack.waitFor(mark, (c) => c.method === 'files.completeUploadExternal');
    expect(upload.body.channel_id).toBe(CHANNEL);
    const thread = h.slack.messages.get(`${CHANNEL}:${String(upload.body.thread_ts)}`);
    expect(JSON.stringify(thread?.blocks)).toContain('Spend digest');
    const fileId = String((upload.body.files as { id: string }[])[0]?.id);
    const png = h.slack.uploads.get(fileId) as Buffer;
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);

    clock.set('2026-03-15T08:30:00Z');
    expect((await tick()).digests).toEqual([]);
    clock.set('2026-03-16T08:00:01Z');
    expect((await tick()).digests).toHaveLength(1);
    expect(digestsIn(h, CHANNEL)).toHaveLength(2);
  });

  it('after downtime sends only the latest missed digest, and none missed by more than a day', async () => {
    await askIn(h, CHANNEL, 'digest subscribe daily 09:00 Europe/Berlin');
    await askIn(h, 'CWEEKLY', 'digest subscribe weekly mon 09:00 Europe/Berlin');
    clock.set('2026-03-17T12:00:00Z');
    const report = await tick();
    expect(report.digests).toHaveLength(1);
    expect(report.digests[0]).toMatch(/@2026-03-17T08:00:00\.000Z$/);
    expect(digestsIn(h, CHANNEL)).toHaveLength(1);
    expect(digestsIn(h, 'CWEEKLY')).toHaveLength(0);
  });

  it('leaves out muted sections and the chart, and narrows to the chosen projects', async () => {
    const beta = h.openai.state.addProject({ name: 'Beta' });
    h.openai.state.addCost({ projectId: beta.id, day: '2026-03-14', amount: 4 });
    await askIn(h, CHANNEL, 'digest subscribe daily 09:00 UTC --project Beta --mute chart --mute forecast');
    clock.set('2026-03-15T09:00:00Z');
    await tick();
    const text = messageText(digestsIn(h, CHANNEL)[0] as never);
    expect(text).toContain('Spend digest · March 2026 · month to date · Beta');
    expect(text).toContain('*Month to date:* $4.00 across 1 project with spend');
    expect(text).not.toContain('*Forecast:*');
    expect(text).not.toContain('*Alpha*');
    expect(h.slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
  });

  it('posts the chart as text in the thread when the upload fails', async () => {
    await askIn(h, CHANNEL, 'digest subscribe daily 09:00 UTC');
    h.slack.failNext('files.completeUploadExternal', 'not_in_channel');
    clock.set('2026-03-15T09:00:00Z');
    const mark = h.slack.mark();
    await tick();
    const fallback = await h.slack.waitFor(
      mark,
      (c) => c.method === 'chat.postMessage' && c.body.channel === CHANNEL && c.body.thread_ts !== undefined,
    );
    const text = messageText(fallback);
    expect(text).toContain('The chart image could not be attached');
    expect(text).toContain('03-14       $12.00 ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓');
  });
});

describe('a restarted bot', () => {
  it('sends the digest it missed while it was down, once', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'digest-restart-')), 'bot.db');
    const clock = new TestClock('2026-03-15T07:00:00Z');
    const options = { env: { DATABASE_URL: `sqlite:${file}` }, start: { now: clock.now, digestTimer: false } };
    const start = async () => {
      let started = { index: 0 };
      const h = await startHarness({ ...options, beforeStart: (slack) => (started = slack.mark()) });
      // Bolt checks its token at start; let that answer arrive before the fake Slack closes.
      await h.slack.waitFor(started, (c) => c.method === 'auth.test');
      await new Promise((resolve) => setTimeout(resolve, 50));
      return h;
    };
    const first = await start();
    clock.follow(first);
    await askIn(first, CHANNEL, 'digest subscribe daily 09:00 UTC');
    await first.close();

    clock.set('2026-03-15T13:30:00Z');
    const second = await start();
    clock.follow(second);
    try {
      expect((await second.bot.container.digests.tick()).digests).toHaveLength(1);
      expect((await second.bot.container.digests.tick()).digests).toHaveLength(0);
      expect(digestsIn(second, CHANNEL)).toHaveLength(1);
    } finally {
      await second.close();
    }
    const third = await start();
    clock.follow(third);
    try {
      expect((await third.bot.container.digests.tick()).digests).toHaveLength(0);
    } finally {
      await third.close();
    }
  });
});
