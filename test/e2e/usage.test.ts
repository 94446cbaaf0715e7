import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UsageRecord } from '../helpers/fake-admin-api/index.js';
import type { SlackCall } from '../helpers/fake-slack.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

const NOW = Date.parse('2026-03-15T12:00:00Z');
const DAY = 86_400;
const unix = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
const n = (value: number) => new Intl.NumberFormat('en-US').format(value);

/** What the fake holds of completions usage for `[start, end)`, summed per key: the figures a reply must show. */
function heldBy(records: readonly UsageRecord[], start: number, end: number, key: (r: UsageRecord) => unknown) {
  const sums = new Map<unknown, { input: number; cached: number; output: number; requests: number }>();
  const figure = (r: UsageRecord, field: string) => Number(r.values[field] ?? 0);
  for (const r of records) {
    if (r.kind !== 'completions' || r.time < start || r.time >= end) continue;
    const sum = sums.get(key(r)) ?? { input: 0, cached: 0, output: 0, requests: 0 };
    sum.input += figure(r, 'input_tokens');
    sum.cached += figure(r, 'input_cached_tokens');
    sum.output += figure(r, 'output_tokens');
    sum.requests += figure(r, 'num_model_requests');
    sums.set(key(r), sum);
  }
  return sums;
}

/** The listing rows of a reply (`• *title* …`) as a reader sees them. */
const rows = (call: SlackCall): string[] =>
  ((call.body.blocks ?? []) as { text?: { text?: string } }[])
    .flatMap((block) => (block.text?.text ?? '').split('\n'))
    .filter((line) => line.startsWith('• '))
    .map((line) => line.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));

const firstLine = (call: SlackCall) => (call.body.blocks as { text?: { text?: string } }[])[0]?.text?.text;

describe('/openai usage (completions) through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ start: { now: () => new Date(NOW), digestTimer: false } });
  });
  afterAll(() => h.close());

  const usageCalls = () => h.openai.requests.filter((r) => r.path === '/organization/usage/completions');
  let ids: { alpha: string; old: string };
  beforeEach(() => {
    h.openai.reset();
    const state = h.openai.state;
    state.now = NOW / 1000;
    const alpha = state.addProject({ name: 'Alpha' }).id;
    const old = state.addProject({ name: 'Old one', archived: true }).id;
    ids = { alpha, old };
    for (let d = 0; d < 30; d++) {
      const time = NOW / 1000 - d * DAY;
      state.addCompletionsUsage({
        projectId: alpha,
        time,
        model: 'gpt-5',
        inputTokens: 1000,
        inputCachedTokens: 100,
        outputTokens: 500,
        requests: 4,
      });
      if (d % 2 === 0) {
        state.addCompletionsUsage({ projectId: old, time, model: 'gpt-5-mini', inputTokens: 300, outputTokens: 50 });
      }
    }
    state.addCompletionsUsage({ projectId: old, time: '2026-03-01', model: 'o3', inputTokens: 20, outputTokens: 10 });
    // Before the default range: must not count.
    state.addCompletionsUsage({ projectId: alpha, time: '2026-02-13', model: 'gpt-5', inputTokens: 1_000_000 });
  });

  it('sums the last 30 UTC days per model, most tokens first, with shares of the total', async () => {
    const reply = await h.ask('usage', USERS.viewer);
    const held = heldBy(h.openai.state.usage, unix('2026-02-14'), unix('2026-03-16'), (r) => r.values.model);
    const gpt5 = held.get('gpt-5');
    const mini = held.get('gpt-5-mini');
    expect(gpt5).toEqual({ input: 30_000, cached: 3_000, output: 15_000, requests: 120 });
    expect(mini).toEqual({ input: 4_500, cached: 0, output: 750, requests: 15 });
    const total = 45_000 + 5_250 + 30;
    expect(messageText(reply)).toContain(
      `Completions usage from 2026-02-14 to 2026-03-15 (30 days, UTC): ${n(total)} tokens in 136 requests`,
    );
    expect(rows(reply)).toEqual([
      `• *gpt-5*  ·  30,000 input tokens (3,000 cached)  ·  15,000 output tokens  ·  120 requests  ·  ${((45_000 / total) * 100).toFixed(1)}% of tokens`,
      `• *gpt-5-mini*  ·  4,500 input tokens (0 cached)  ·  750 output tokens  ·  15 requests  ·  ${((5_250 / total) * 100).toFixed(1)}% of tokens`,
      '• *o3*  ·  20 input tokens (0 cached)  ·  10 output tokens  ·  1 request  ·  0.1% of tokens',
    ]);
    const [call, ...others] = usageCalls();
    expect(others).toHaveLength(0);
    expect(call?.query.get('start_time')).toBe(String(unix('2026-02-14')));
    expect(call?.query.get('end_time')).toBe(String(unix('2026-03-16')));
    expect(call?.query.get('bucket_width')).toBe('1d');
    expect(call?.query.getAll('group_by')).toEqual(['model']);
  });

  it('groups by project with names (archived included) and narrows with project_ids', async () => {
    const byProject = await h.ask('usage --by project');
    expect(rows(byProject).map((row) => row.split('  ·  ').slice(0, 2).join(' '))).toEqual([
      `• *Alpha* \`${ids.alpha}\``,
      `• *Old one* \`${ids.old}\``,
    ]);
    expect(usageCalls()[0]?.query.getAll('group_by')).toEqual(['project_id']);
    const lists = h.openai.requests.filter((r) => r.path === '/organization/projects');
    expect(lists.map((r) => r.query.get('include_archived'))).toEqual(['true']);

    const narrowed = await h.ask('usage --project "Old one" --since 7d');
    expect(messageText(narrowed)).toContain(
      `Completions usage from 2026-03-09 to 2026-03-15 (7 days, UTC) for Old one: ${n(4 * 350)} tokens in 4 requests`,
    );
    expect(usageCalls()[1]?.query.getAll('project_ids')).toEqual([ids.old]);
  });

  it('reads every page of a range longer than one page of daily buckets (31)', async () => {
    h.openai.state.addCompletionsUsage({ model: 'gpt-4o', time: '2025-12-20', inputTokens: 7, outputTokens: 3 });
    const reply = await h.ask('usage --since 90d');
    expect(rows(reply).at(-1)).toContain('• *gpt-4o*  ·  7 input tokens (0 cached)  ·  3 output tokens  ·  1 request');
    expect(messageText(reply)).toContain('(90 days, UTC): 1,050,290 tokens in 138 requests');
    const pages = usageCalls().map((call) => call.query.get('page'));
    expect(pages).toEqual([null, expect.stringMatching(/^page_/), expect.stringMatching(/^page_/)]);
    expect(usageCalls()[0]?.query.get('limit')).toBe('31');
  });

  it('folds the rows past --limit into one "everything else" row', async () => {
    const reply = await h.ask('usage --limit 1');
    expect(rows(reply)).toHaveLength(2);
    expect(rows(reply)[1]).toBe(
      '• *Everything else (2 more models)*  ·  4,520 input tokens (0 cached)  ·  760 output tokens  ·  16 requests  ·  10.5% of tokens',
    );
  });

  it('says plainly when a range has no usage', async () => {
    const reply = await h.ask('usage --from 2024-01-01 --to 2024-01-02');
    expect(firstLine(reply)).toBe('*No completions usage recorded from 2024-01-01 to 2024-01-02 (2 days, UTC).*');
  });

  it.each([
    [
      'usage --by line-item',
      '--by "line-item" is not a way to group completions usage; use model, project, api-key, user, batch, service-tier.',
    ],
    ['usage --since 2 weeks', 'Unexpected argument: weeks.'],
    [
      'usage --from 2026-03-20',
      '--from 2026-03-20 is in the future; the latest day with figures is today, 2026-03-15.',
    ],
    ['usage --limit 101', '--limit 101 is not a whole number from 1 to 100.'],
  ])('answers "%s" with a specific message and calls nothing', async (command, message) => {
    expect(firstLine(await h.ask(command))).toBe(`:warning: ${message}`);
    expect(h.openai.requests).toHaveLength(0);
  });
});
