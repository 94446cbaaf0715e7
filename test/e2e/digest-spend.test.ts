import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

const NOW = Date.parse('2026-03-15T12:00:00Z');
const usd = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n);
const day = (d: number, month = 3) => `2026-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('/openai spend: the on-demand digest through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ start: { now: () => new Date(NOW), digestTimer: false } });
  });
  afterAll(() => h.close());

  let ids: { alpha: string; beta: string; gamma: string };
  beforeEach(() => {
    h.openai.reset();
    const state = h.openai.state;
    state.now = NOW / 1000;
    const alpha = state.addProject({ name: 'Alpha' });
    const beta = state.addProject({ name: 'Beta' });
    const gamma = state.addProject({ name: 'Gamma <!channel>' });
    ids = { alpha: alpha.id, beta: beta.id, gamma: gamma.id };
    for (let d = 1; d <= 14; d++) state.addCost({ projectId: alpha.id, day: day(d), amount: 10 });
    state.addCost({ projectId: alpha.id, day: day(15), amount: 5 });
    state.addCost({ projectId: alpha.id, day: day(20, 2), amount: 99 });
    for (let d = 1; d <= 14; d++) state.addCost({ projectId: beta.id, day: day(d), amount: d <= 7 ? 2 : 20 });
    state.addCost({ projectId: gamma.id, day: day(10), amount: 7.5 });
    state.addSpendAlert({ projectId: alpha.id, thresholdAmount: 10_000, recipients: ['a@x.com'] });
    state.addSpendAlert({ projectId: alpha.id, thresholdAmount: 25_000, recipients: ['a@x.com'] });
    state.addSpendAlert({ projectId: beta.id, thresholdAmount: 100_000, recipients: ['b@x.com'] });
    state.addSpendAlert({ thresholdAmount: 50_000, recipients: ['org@x.com'] });
  });

  it('posts in the channel the month-to-date figures the Admin API holds, against each spend alert', async () => {
    const reply = await h.ask('spend', USERS.viewer);
    expect(reply.body.response_type).toBe('in_channel');
    const text = messageText(reply);
    const state = h.openai.state;
    const [alpha, beta, gamma] = [ids.alpha, ids.beta, ids.gamma].map((id) => state.monthToDateSpend(id)) as [
      number,
      number,
      number,
    ];
    const total = state.monthToDateSpend();
    expect([alpha, beta, gamma, total]).toEqual([145, 154, 7.5, 306.5]);
    expect(text).toContain('Spend digest · March 2026 · month to date');
    expect(text).toContain(`*Month to date:* ${usd(total)} across 3 projects with spend`);
    expect(text).toContain('*Organization:* `▓▓▓▓▓▓░░░░` 61% of $500.00');
    expect(text).toContain(`*Alpha*  ${usd(alpha)}  ·  \`▓▓▓▓▓▓░░░░\` 58% of $250.00 (1 of 2 alerts passed)`);
    expect(text).toContain(`*Beta*  ${usd(beta)}  ·  \`▓▓░░░░░░░░\` 15% of $1,000.00`);
    expect(text).toContain(`*Gamma <!channel>*  ${usd(gamma)}  ·  _no spend alert_`);
    expect(JSON.stringify(reply.body.blocks)).not.toContain('<!channel>');
    // Beta is listed above Alpha: it spent more this month.
    expect(text.indexOf('*Beta*')).toBeLessThan(text.indexOf('*Alpha*'));
  });

  it('forecasts linearly from whole days, compares yesterday with the 7 days before, and names movers', async () => {
    const text = messageText(await h.ask('spend'));
    const wholeDays = 14 * 10 + (7 * 2 + 7 * 20) + 7.5;
    expect(text).toContain(
      `*Forecast:* ${usd((wholeDays / 14) * 31)} by month end: ${usd(wholeDays)} over 14 whole days ÷ 14 × 31 days.`,
    );
    const yesterday = 10 + 20;
    const week = 7 * 10 + (2 + 6 * 20) + 7.5;
    expect(text).toContain(`*Yesterday* (2026-03-14): ${usd(yesterday)} vs 7-day average ${usd(week / 7)} (+5%)`);
    expect(text).toContain('*Beta*  $140.00 vs $14.00 (+900%)');
    expect(text).toContain('*Gamma <!channel>*  $7.50 vs $0.00 (new)');
    expect(text).not.toMatch(/\*Alpha\*\s+\$70\.00 vs/);
    expect(text).toContain('*Spend but no spend alert* (1 project, $7.50): *Gamma <!channel>*');
  });

  it('reads each source once: one costs call grouped by project, one spend-alert call per project with spend', async () => {
    await h.ask('spend');
    const costs = h.openai.requests.filter((r) => r.path === '/organization/costs');
    expect(costs).toHaveLength(1);
    expect(costs[0]?.query.getAll('group_by')).toEqual(['project_id']);
    expect(costs[0]?.query.get('start_time')).toBe(String(Date.parse('2026-03-01T00:00:00Z') / 1000));
    const alertPaths = h.openai.requests.filter((r) => r.path.endsWith('/spend_alerts')).map((r) => r.path);
    expect(alertPaths.sort()).toEqual(
      [
        '/organization/spend_alerts',
        ...[ids.alpha, ids.beta, ids.gamma].map((id) => `/organization/projects/${id}/spend_alerts`),
      ].sort(),
    );
  });

  it('narrows to one project by name and leaves the organization alert out', async () => {
    const text = messageText(await h.ask('spend --project beta'));
    expect(text).toContain('Spend digest · March 2026 · month to date · Beta');
    expect(text).toContain(`*Month to date:* ${usd(154)} across 1 project with spend`);
    expect(text).not.toContain('*Alpha*');
    expect(text).not.toContain('*Organization:*');
    const costs = h.openai.requests.find((r) => r.path === '/organization/costs');
    expect(costs?.query.getAll('project_ids')).toEqual([ids.beta]);
  });

  it('shows a past month as complete, with its total instead of a forecast', async () => {
    const text = messageText(await h.ask('spend --month 2026-02'));
    expect(text).toContain('Spend digest · February 2026');
    expect(text).not.toContain('month to date ·');
    expect(text).toContain(`*Month to date:* ${usd(99)} across 1 project with spend`);
    expect(text).toContain('*Forecast:* Month complete: $99.00 in total.');
  });

  it.each([
    ['spend --month 2026-13', '"2026-13" is not a month; use YYYY-MM, e.g. 2026-03.'],
    ['spend --month 2026-04', '2026-04 has not started yet; the latest month is 2026-03.'],
    ['spend --project Nowhere', 'No project is named "Nowhere"'],
    ['spend --mnth 2026-01', 'Unknown option --mnth. Did you mean --month?'],
  ])('answers "%s" with a specific message and reads no costs', async (command, message) => {
    const text = messageText(await h.ask(command));
    expect(text).toContain(message);
    expect(h.openai.requests.filter((r) => r.path === '/organization/costs')).toHaveLength(0);
  });

  it('refuses someone without a role', async () => {
    const text = messageText(await h.ask('spend', USERS.stranger));
    expect(text).toContain('You are not allowed to view this');
    expect(h.openai.requests).toHaveLength(0);
  });
});
