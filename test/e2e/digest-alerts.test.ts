import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlackMark } from '../helpers/fake-slack.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { MINIMAL_POLICY } from '../helpers/policy.js';
import { alertsIn, askIn, TestClock } from './digest-helpers.js';

const POLICY = `${MINIMAL_POLICY}digests:
  alert_levels: [0.5, 0.8, 1.0]
  alert_check: 1h
`;

describe('spend threshold alerts through the real app', () => {
  const clock = new TestClock('2026-03-10T12:00:00Z');
  let h: Harness;
  let alpha: string;
  let beta: string;
  let started: SlackMark;
  // A fresh bot and store for each test: once-only claims are permanent, and the fake reuses ids after a reset.
  beforeEach(async () => {
    h = await startHarness({
      policy: POLICY,
      start: { now: clock.now, digestTimer: false },
      beforeStart: (slack) => (started = slack.mark()),
    });
    clock.follow(h);
    clock.set('2026-03-10T12:00:00Z');
    alpha = h.openai.state.addProject({ name: 'Alpha' }).id;
    beta = h.openai.state.addProject({ name: 'Beta' }).id;
    h.openai.state.addSpendAlert({ projectId: alpha, thresholdAmount: 10_000, recipients: ['a@x.com'] });
    h.openai.state.addSpendAlert({ projectId: beta, thresholdAmount: 100_000, recipients: ['b@x.com'] });
  });
  afterEach(async () => {
    // Bolt checks its token at start; let that answer arrive before the fake Slack closes.
    await h.slack.waitFor(started, (c) => c.method === 'auth.test');
    await h.close();
  });

  const check = async (times: number) => {
    for (let i = 0; i < times; i++) await h.bot.container.digests.checkAlerts();
  };
  const spend = (projectId: string, amount: number, day = '2026-03-09') =>
    h.openai.state.addCost({ projectId, day, amount });
  const texts = (channel: string) => alertsIn(h, channel).map((call) => messageText(call));

  it('announces each level of a spend alert once a month, however often the check runs', async () => {
    await askIn(h, 'CALL', 'digest subscribe daily 09:00 UTC');
    await askIn(h, 'CMUTED', 'digest subscribe daily 09:00 UTC --mute alerts');
    spend(alpha, 40);
    await check(3);
    expect(texts('CALL')).toEqual([]);

    spend(alpha, 15);
    await check(5);
    expect(texts('CALL')).toHaveLength(1);
    expect(texts('CALL')[0]).toContain(
      `*Alpha* \`${alpha}\` reached 50% of its $100.00 spend alert: $55.00 this month`,
    );

    spend(alpha, 30);
    await check(5);
    spend(alpha, 50);
    await check(5);
    const all = texts('CALL');
    expect(all).toHaveLength(3);
    expect(all[1]).toContain('reached 80% of its $100.00 spend alert: $85.00 this month');
    expect(all[2]).toContain('reached 100% of its $100.00 spend alert: $135.00 this month');
    expect(texts('CMUTED')).toEqual([]);

    clock.set('2026-04-02T08:00:00Z');
    spend(alpha, 60, '2026-04-01');
    await check(3);
    expect(texts('CALL')).toHaveLength(4);
    expect(texts('CALL')[3]).toContain('reached 50% of its $100.00 spend alert: $60.00 this month');
    expect(texts('CALL')[3]).toContain('reached new levels in 2026-04');
  });

  it('posts one message naming every level passed when spend jumps past several, in every covering channel', async () => {
    await askIn(h, 'CALL', 'digest subscribe daily 09:00 UTC');
    await askIn(h, 'CBETA', 'digest subscribe daily 09:00 UTC --project Beta');
    await askIn(h, 'CALPHA', 'digest subscribe daily 09:00 UTC --project Alpha');
    spend(beta, 900);
    await check(4);
    for (const channel of ['CALL', 'CBETA']) {
      expect(texts(channel)).toHaveLength(1);
      expect(texts(channel)[0]).toContain('*Beta*');
      expect(texts(channel)[0]).toContain('reached 50% and 80% of its $1,000.00 spend alert: $900.00 this month');
      expect(texts(channel)[0]).not.toContain('100%');
    }
    expect(texts('CALPHA')).toEqual([]);
  });

  it('announces organization spend alerts to channels that follow the whole organization', async () => {
    h.openai.state.addSpendAlert({ thresholdAmount: 50_000, recipients: ['org@x.com'] });
    await askIn(h, 'CALL', 'digest subscribe daily 09:00 UTC');
    await askIn(h, 'CBETA', 'digest subscribe daily 09:00 UTC --project Beta');
    spend(alpha, 20);
    spend(beta, 240);
    await check(2);
    expect(texts('CALL')).toHaveLength(1);
    expect(texts('CALL')[0]).toContain('*Organization* reached 50% of its $500.00 spend alert: $260.00 this month');
    expect(texts('CBETA')).toEqual([]);
  });

  it('keeps a crossing nobody listens to for the first channel that subscribes', async () => {
    spend(alpha, 60);
    expect(await h.bot.container.digests.checkAlerts()).toEqual([]);
    expect(h.openai.requests.filter((r) => r.path === '/organization/costs')).toHaveLength(0);
    await askIn(h, 'CLATE', 'digest subscribe weekly mon 09:00 UTC');
    await check(1);
    expect(texts('CLATE')).toHaveLength(1);
  });

  it('runs the periodic check on ticks every alert_check from the policy, not more often', async () => {
    await askIn(h, 'CALL', 'digest subscribe "0 9 1 1 *" UTC');
    const costCalls = () => h.openai.requests.filter((r) => r.path === '/organization/costs').length;
    const tick = () => h.bot.container.digests.tick();
    spend(alpha, 60);
    clock.set('2026-03-10T13:00:00Z');
    const first = await tick();
    const before = costCalls();
    clock.set('2026-03-10T13:30:00Z');
    await tick();
    expect(costCalls()).toBe(before);
    clock.set('2026-03-10T14:01:00Z');
    spend(alpha, 30);
    const later = await tick();
    expect(costCalls()).toBe(before + 1);
    expect([...first.crossings, ...later.crossings].map((c) => Math.round(c.level * 100))).toEqual([50, 80]);
    expect(texts('CALL')).toHaveLength(2);
  });
});
