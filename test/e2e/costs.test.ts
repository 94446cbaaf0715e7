import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CostRecord } from '../helpers/fake-admin-api/index.js';
import type { SlackCall } from '../helpers/fake-slack.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

const NOW = Date.parse('2026-03-15T12:00:00Z');
const DAY = 86_400;
const unix = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
const usd = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n);
const share = (part: number, total: number) => `${((part / total) * 100).toFixed(1)}% of the total`;

/** What the fake holds for `[start, end)`, summed per key: the figures a reply must show. */
function heldBy(costs: readonly CostRecord[], start: number, end: number, key: (cost: CostRecord) => string | null) {
  const sums = new Map<string | null, number>();
  for (const cost of costs) {
    if (cost.startTime < start || cost.startTime >= end) continue;
    sums.set(key(cost), (sums.get(key(cost)) ?? 0) + cost.amount);
  }
  return sums;
}

/** The lines of a reply's sections and contexts as a reader sees them (entities decoded). */
const lines = (call: SlackCall): string[] =>
  ((call.body.blocks ?? []) as { text?: { text?: string }; elements?: { text?: string }[] }[])
    .flatMap((block) => [block.text?.text, ...(block.elements ?? []).map((e) => e.text)])
    .filter((text): text is string => typeof text === 'string')
    .flatMap((text) => text.split('\n'))
    .map((line) => line.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));

/** The listing rows of a reply (`• *title* …`), in order. */
const rows = (call: SlackCall) => lines(call).filter((line) => line.startsWith('• '));

describe('/openai costs through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ start: { now: () => new Date(NOW), digestTimer: false } });
  });
  afterAll(() => h.close());

  const costCalls = () => h.openai.requests.filter((r) => r.path === '/organization/costs');
  let ids: { alpha: string; beta: string; old: string };
  beforeEach(() => {
    h.openai.reset();
    const state = h.openai.state;
    state.now = NOW / 1000;
    const alpha = state.addProject({ name: 'Alpha' }).id;
    const beta = state.addProject({ name: 'Beta <!channel>' }).id;
    const old = state.addProject({ name: 'Old one', archived: true }).id;
    ids = { alpha, beta, old };
    for (let d = 0; d < 30; d++) {
      const day = NOW / 1000 - d * DAY;
      state.addCost({
        projectId: alpha,
        day,
        amount: 10.25,
        lineItem: 'gpt-5, input',
        quantity: 1000,
        apiKeyId: 'key_a',
      });
      if (d % 3 === 0)
        state.addCost({ projectId: beta, day, amount: 4.1, lineItem: 'gpt-5, output', apiKeyId: 'key_b' });
    }
    state.addCost({ projectId: old, day: '2026-03-01', amount: 12.5, lineItem: 'Image models', quantity: 3 });
    state.addCost({
      projectId: 'proj_deleted',
      day: '2026-03-02',
      amount: 0.75,
      lineItem: 'Image models',
      quantity: 2,
    });
    state.addCost({ projectId: null, day: '2026-03-03', amount: 1.2, lineItem: 'Web search' });
    // One day before the default range: must not count.
    state.addCost({ projectId: alpha, day: '2026-02-13', amount: 500 });
  });

  it('sums the last 30 UTC days per project, largest first, with names, shares and the total', async () => {
    const reply = await h.ask('costs', USERS.viewer);
    const held = heldBy(h.openai.state.costs, unix('2026-02-14'), unix('2026-03-16'), (c) => c.projectId);
    const total = [...held.values()].reduce((a, b) => a + b, 0);
    const [alpha, beta] = [held.get(ids.alpha) ?? 0, held.get(ids.beta) ?? 0];
    for (const [held, seeded] of [
      [alpha, 307.5],
      [beta, 41],
      [total, 362.95],
    ] as const)
      expect(held).toBeCloseTo(seeded, 9);
    expect(messageText(reply)).toContain(`Costs from 2026-02-14 to 2026-03-15 (30 days, UTC): ${usd(total)}`);
    expect(messageText(reply)).toContain('By project, largest first, across 5 projects.');
    expect(rows(reply)).toEqual([
      `• *Alpha*  ·  \`${ids.alpha}\`  ·  ${usd(alpha)}  ·  ${share(alpha, total)}`,
      `• *Beta <!channel>*  ·  \`${ids.beta}\`  ·  ${usd(beta)}  ·  ${share(beta, total)}`,
      `• *Old one*  ·  \`${ids.old}\`  ·  $12.50  ·  ${share(12.5, total)}`,
      `• *(no project)*  ·  $1.20  ·  ${share(1.2, total)}`,
      `• *proj_deleted*  ·  $0.75  ·  ${share(0.75, total)}`,
    ]);
    expect(JSON.stringify(reply.body.blocks)).not.toContain('<!channel>');
  });

  it('asks the API once for the range, grouping as the document spells it, and looks project names up once', async () => {
    await h.ask('costs');
    const [call, ...others] = costCalls();
    expect(others).toHaveLength(0);
    expect(call?.query.get('start_time')).toBe(String(unix('2026-02-14')));
    expect(call?.query.get('end_time')).toBe(String(unix('2026-03-16')));
    expect(call?.query.get('bucket_width')).toBe('1d');
    expect(call?.query.get('limit')).toBe('180');
    expect(call?.query.getAll('group_by')).toEqual(['project_id']);
    expect(call?.query.has('group_by[]')).toBe(false);
    const lists = h.openai.requests.filter((r) => r.path === '/organization/projects');
    expect(lists).toHaveLength(1);
    expect(lists[0]?.query.get('include_archived')).toBe('true');
  });

  it('groups by line item with quantities, and by API key, from the same figures', async () => {
    const byItem = await h.ask('costs --by line-item --since 7d');
    const held = heldBy(h.openai.state.costs, unix('2026-03-09'), unix('2026-03-16'), (c) => c.lineItem);
    const total = [...held.values()].reduce((a, b) => a + b, 0);
    expect(held.get('gpt-5, input')).toBe(7 * 10.25);
    expect(messageText(byItem)).toContain(`Costs from 2026-03-09 to 2026-03-15 (7 days, UTC): ${usd(total)}`);
    expect(rows(byItem)).toEqual([
      `• *gpt-5, input*  ·  ${usd(7 * 10.25)}  ·  ${share(7 * 10.25, total)}  ·  quantity 7,000`,
      `• *gpt-5, output*  ·  ${usd(3 * 4.1)}  ·  ${share(3 * 4.1, total)}`,
    ]);
    expect(costCalls()[0]?.query.get('start_time')).toBe(String(unix('2026-03-09')));
    expect(costCalls()[0]?.query.getAll('group_by')).toEqual(['line_item']);
    expect(h.openai.requests.filter((r) => r.path === '/organization/projects')).toHaveLength(0);

    const byKey = await h.ask('costs --by api_key_id --from 2026-03-01 --to 2026-03-03');
    const keyTotal = 3 * 10.25 + 4.1 + 12.5 + 0.75 + 1.2;
    expect(messageText(byKey)).toContain(`Costs from 2026-03-01 to 2026-03-03 (3 days, UTC): ${usd(keyTotal)}`);
    expect(rows(byKey)).toEqual([
      `• *key_a*  ·  ${usd(3 * 10.25)}  ·  ${share(3 * 10.25, keyTotal)}`,
      `• *(no API key)*  ·  ${usd(12.5 + 0.75 + 1.2)}  ·  ${share(14.45, keyTotal)}`,
      `• *key_b*  ·  ${usd(4.1)}  ·  ${share(4.1, keyTotal)}`,
    ]);
    expect(costCalls()[1]?.query.getAll('group_by')).toEqual(['api_key_id']);
    expect(costCalls()[1]?.query.get('end_time')).toBe(String(unix('2026-03-04')));
  });

  it('narrows to projects by name or id, sent as project_ids', async () => {
    const reply = await h.ask(`costs --project alpha --project ${ids.old}`);
    expect(messageText(reply)).toContain(
      `Costs from 2026-02-14 to 2026-03-15 (30 days, UTC) for Alpha, Old one: ${usd(307.5 + 12.5)}`,
    );
    expect(rows(reply).map((row) => row.split('  ·  ').slice(0, 2).join(' '))).toEqual([
      `• *Alpha* \`${ids.alpha}\``,
      `• *Old one* \`${ids.old}\``,
    ]);
    expect(costCalls()[0]?.query.getAll('project_ids')).toEqual([ids.alpha, ids.old]);
  });

  it('reads every page of a range longer than one page of buckets', async () => {
    const state = h.openai.state;
    state.addCost({ projectId: ids.beta, day: '2025-01-01', amount: 100 });
    state.addCost({ projectId: ids.beta, day: '2025-08-01', amount: 200 });
    const reply = await h.ask('costs --from 2025-01-01 --to 2026-12-31');
    const held = heldBy(state.costs, unix('2025-01-01'), unix('2026-03-16'), (c) => c.projectId);
    const total = [...held.values()].reduce((a, b) => a + b, 0);
    expect(held.get(ids.beta)).toBeCloseTo(341, 9);
    expect(messageText(reply)).toContain(`Costs from 2025-01-01 to 2026-03-15 (439 days, UTC): ${usd(total)}`);
    expect(rows(reply)[1]).toBe(`• *Beta <!channel>*  ·  \`${ids.beta}\`  ·  $341.00  ·  ${share(341, total)}`);
    const calls = costCalls();
    expect(calls.map((call) => call.query.get('page'))).toEqual([
      null,
      expect.stringMatching(/^page_/),
      expect.stringMatching(/^page_/),
    ]);
    expect(calls.every((call) => call.query.get('start_time') === String(unix('2025-01-01')))).toBe(true);
    expect(calls.every((call) => call.query.get('end_time') === String(unix('2026-03-16')))).toBe(true);
  });

  it('folds the rows past --limit into one "everything else" row', async () => {
    const reply = await h.ask('costs --limit 2');
    const total = 307.5 + 41 + 12.5 + 1.2 + 0.75;
    expect(rows(reply).map((row) => row.split('  ·  ')[0])).toEqual([
      '• *Alpha*',
      '• *Beta <!channel>*',
      '• *Everything else (3 more projects)*',
    ]);
    expect(rows(reply)[2]).toBe(`• *Everything else (3 more projects)*  ·  $14.45  ·  ${share(14.45, total)}`);
    expect(messageText(reply)).toContain(`: ${usd(total)}`);
  });

  it('says plainly when a range has no costs', async () => {
    const reply = await h.ask('costs --from 2024-01-01 --to 2024-01-31');
    expect(lines(reply)[0]).toBe('*No costs recorded from 2024-01-01 to 2024-01-31 (31 days, UTC).*');
    expect(rows(reply)).toHaveLength(0);
  });

  it.each([
    [
      'costs --since 7x',
      '--since "7x" is not a duration; write a number and a unit (m, h, d or w), e.g. 30m, 24h or 7d.',
    ],
    ['costs --from 2026-02-30', '--from "2026-02-30" is not a date; write a UTC day as YYYY-MM-DD, e.g. 2026-11-01.'],
    ['costs --from 2026-03-10 --to 2026-03-01', '--from 2026-03-10 is after --to 2026-03-01.'],
    ['costs --since 7d --to 2026-03-01', 'Use either --since or --from/--to, not both.'],
    [
      'costs --from 2026-04-01',
      '--from 2026-04-01 is in the future; the latest day with figures is today, 2026-03-15.',
    ],
    ['costs --since 4000d', 'The range covers 4000 days; ask for at most 1096 days (about 3 years).'],
    ['costs --by model', '--by "model" is not a way to group costs; use project, line-item, api-key.'],
    ['costs --limit 0', '--limit 0 is not a whole number from 1 to 100.'],
    ['costs --limt 3', 'Unknown option --limt. Did you mean --limit?'],
  ])('answers "%s" with a specific message and calls nothing', async (command, message) => {
    const reply = await h.ask(command);
    expect(lines(reply)[0]).toBe(`:warning: ${message}`);
    expect(h.openai.requests).toHaveLength(0);
  });

  it.each([
    '--since 0d',
    '--since 1.5h',
    '--to 2026-3-1',
    '--from 2026-03-02 --to 2026-03-01',
    '--since 7d --from 2026-03-01',
  ])('gives the same message as /openai audit for %s', async (range) => {
    const fromCosts = lines(await h.ask(`costs ${range}`))[0];
    const fromAudit = lines(await h.ask(`audit ${range}`))[0];
    expect(fromCosts).toMatch(/^:warning: .*--/);
    expect(fromCosts).toBe(fromAudit);
  });

  it('names an unknown project and reads no costs', async () => {
    const reply = await h.ask('costs --project Nowhere');
    expect(lines(reply)[0]).toBe(':warning: No project is named "Nowhere". Use its id (proj_…) or its exact name.');
    expect(costCalls()).toHaveLength(0);
  });
});
