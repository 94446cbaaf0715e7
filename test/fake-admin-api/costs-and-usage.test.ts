import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dayStart, type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { clientFor, type Json } from './fake-client.js';

let api: FakeAdminApi;
let client: ReturnType<typeof clientFor>;

const JUNE_1 = dayStart('2026-06-01');
const DAY = 86_400;

beforeAll(async () => {
  api = await startFakeAdminApi();
  client = clientFor(api);
});
beforeEach(() => {
  api.reset();
  api.state.now = JUNE_1 + 30 * DAY;
});
afterAll(async () => {
  await api.close();
});

const amounts = (bucket: Json) => bucket.results.map((result: Json) => result.amount.value);

describe('costs', () => {
  it('returns daily buckets in dollars, summed unless grouped', async () => {
    api.state.addCosts([
      { projectId: 'proj_a', day: '2026-06-01', amount: 0.1, lineItem: 'Image models' },
      { projectId: 'proj_b', day: '2026-06-01', amount: 0.2, lineItem: 'Text models', quantity: 3 },
      { projectId: 'proj_a', day: JUNE_1 + DAY + 5, amount: 1.5 },
    ]);
    const reply = await client.get(`/organization/costs?start_time=${JUNE_1}&end_time=${JUNE_1 + 3 * DAY}`);
    expect(reply.body).toMatchObject({ object: 'page', has_more: false, next_page: null });
    expect(reply.body.data).toHaveLength(3);
    expect(reply.body.data[0]).toMatchObject({ object: 'bucket', start_time: JUNE_1, end_time: JUNE_1 + DAY });
    expect(reply.body.data[0].results).toEqual([
      {
        object: 'organization.costs.result',
        amount: { value: 0.3, currency: 'usd' },
        line_item: null,
        project_id: null,
        api_key_id: null,
        quantity: null,
      },
    ]);
    expect(amounts(reply.body.data[1])).toEqual([1.5]);
    expect(reply.body.data[2].results).toEqual([]);
  });

  it('groups by project_id and line_item and filters by project_ids', async () => {
    api.state.addCost({ projectId: 'proj_a', day: '2026-06-01', amount: 1, lineItem: 'Text models' });
    api.state.addCost({ projectId: 'proj_a', day: '2026-06-01', amount: 2, lineItem: 'Text models' });
    api.state.addCost({ projectId: 'proj_b', day: '2026-06-01', amount: 4, lineItem: 'Image models' });
    const base = `/organization/costs?start_time=${JUNE_1}&limit=1`;
    const grouped = await client.get(`${base}&group_by=project_id&group_by=line_item`);
    expect(grouped.body.data[0].results.map((r: Json) => [r.project_id, r.line_item, r.amount.value])).toEqual([
      ['proj_a', 'Text models', 3],
      ['proj_b', 'Image models', 4],
    ]);
    expect(amounts((await client.get(`${base}&project_ids=proj_b`)).body.data[0])).toEqual([4]);
    expect((await client.get(`${base}&group_by=model`)).body.error.param).toBe('group_by');
    expect((await client.get(`${base}&group_by[]=model`)).body.error.param).toBe('group_by[]');
  });

  it('pages with next_page tokens (style C) and enforces limit and bucket_width', async () => {
    api.state.addCost({ projectId: 'p', day: '2026-06-09', amount: 9 });
    const first = await client.get(`/organization/costs?start_time=${JUNE_1}&end_time=${JUNE_1 + 10 * DAY}`);
    expect(first.body.data).toHaveLength(7);
    expect(first.body.has_more).toBe(true);
    expect(first.body.next_page).toMatch(/^page_/);
    const second = await client.get(
      `/organization/costs?start_time=${JUNE_1}&end_time=${JUNE_1 + 10 * DAY}&page=${first.body.next_page}`,
    );
    expect(second.body.data.map((bucket: Json) => bucket.start_time)).toEqual([7, 8, 9].map((n) => JUNE_1 + n * DAY));
    expect(amounts(second.body.data[1])).toEqual([9]);
    expect(second.body).toMatchObject({ has_more: false, next_page: null });
    expect((await client.get(`/organization/costs?start_time=${JUNE_1}&page=bogus`)).body.error.param).toBe('page');
    expect((await client.get(`/organization/costs?start_time=${JUNE_1}&limit=181`)).status).toBe(400);
    expect((await client.get(`/organization/costs?start_time=${JUNE_1}&bucket_width=1h`)).status).toBe(400);
    expect((await client.get('/organization/costs')).body.error.param).toBe('start_time');
  });
});

describe('usage', () => {
  it('reports completions per bucket, grouped by model on request', async () => {
    api.state.addCompletionsUsage({
      time: '2026-06-02',
      model: 'gpt-4o',
      inputTokens: 100,
      outputTokens: 10,
      requests: 2,
    });
    api.state.addCompletionsUsage({ time: JUNE_1 + DAY + 60, model: 'o3', inputTokens: 5, outputTokens: 1 });
    const base = `/organization/usage/completions?start_time=${JUNE_1}&end_time=${JUNE_1 + 2 * DAY}`;
    const total = await client.get(base);
    expect(total.body.data[0].results).toEqual([]);
    expect(total.body.data[1].results[0]).toMatchObject({
      object: 'organization.usage.completions.result',
      input_tokens: 105,
      output_tokens: 11,
      num_model_requests: 3,
      model: null,
    });
    const byModel = await client.get(`${base}&group_by=model&models=o3`);
    expect(byModel.body.data[1].results).toHaveLength(1);
    expect(byModel.body.data[1].results[0]).toMatchObject({ model: 'o3', input_tokens: 5 });
    const hourly = await client.get(`/organization/usage/completions?start_time=${JUNE_1}&bucket_width=1h`);
    expect(hourly.body.data).toHaveLength(24);
    expect((await client.get(`/organization/usage/embeddings?start_time=${JUNE_1}`)).body.data).toHaveLength(7);
  });
});
