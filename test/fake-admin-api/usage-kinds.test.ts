import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dayStart, type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { clientFor, type Json } from './fake-client.js';

let api: FakeAdminApi;
let client: ReturnType<typeof clientFor>;

const JUNE_1 = dayStart('2026-06-01');
const DAY = 86_400;
const RANGE = `start_time=${JUNE_1}&end_time=${JUNE_1 + 2 * DAY}`;

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

const firstResults = async (path: string): Promise<Json[]> => {
  const reply = await client.get(path);
  expect(reply.status).toBe(200);
  return reply.body.data.flatMap((bucket: Json) => bucket.results);
};

describe('usage of every kind in the emulated organization', () => {
  it.each([
    ['embeddings', { input_tokens: 7, num_model_requests: 2 }, 'organization.usage.embeddings.result'],
    ['moderations', { input_tokens: 3, num_model_requests: 1 }, 'organization.usage.moderations.result'],
    ['images', { images: 4, num_model_requests: 2 }, 'organization.usage.images.result'],
    ['audio_speeches', { characters: 900, num_model_requests: 3 }, 'organization.usage.audio_speeches.result'],
    ['audio_transcriptions', { seconds: 61, num_model_requests: 1 }, 'organization.usage.audio_transcriptions.result'],
    ['vector_stores', { usage_bytes: 4096 }, 'organization.usage.vector_stores.result'],
    ['code_interpreter_sessions', { num_sessions: 5 }, 'organization.usage.code_interpreter_sessions.result'],
    ['file_search_calls', { num_requests: 8 }, 'organization.usage.file_searches.result'],
    ['web_search_calls', { num_requests: 6, num_model_requests: 2 }, 'organization.usage.web_searches.result'],
  ] as const)('answers %s with its seeded figures, summed per bucket, ungrouped', async (kind, figures, object) => {
    api.state.addUsage(kind, { time: '2026-06-02', project_id: 'proj_a', ...figures });
    api.state.addUsage(kind, { time: JUNE_1 + DAY + 3600, project_id: 'proj_b', ...figures });
    const buckets = (await client.get(`/organization/usage/${kind}?${RANGE}`)).body.data;
    expect(buckets.map((bucket: Json) => bucket.results.length)).toEqual([0, 1]);
    const doubled = Object.fromEntries(Object.entries(figures).map(([field, value]) => [field, value * 2]));
    expect(buckets[1].results[0]).toMatchObject({ object, ...doubled, project_id: null });
  });

  it('groups images by size and source and filters by the enumerated sizes and sources', async () => {
    const seed = (size: string, source: string, images: number) =>
      api.state.addUsage('images', { time: '2026-06-01', size, source, images, num_model_requests: 1 });
    seed('1024x1024', 'image.generation', 3);
    seed('1024x1024', 'image.edit', 2);
    seed('512x512', 'image.edit', 1);
    const base = `/organization/usage/images?${RANGE}`;
    const bySize = await firstResults(`${base}&group_by=size`);
    expect(bySize.map((r) => [r.size, r.source, r.images])).toEqual([
      ['1024x1024', null, 5],
      ['512x512', null, 1],
    ]);
    const edits = await firstResults(`${base}&group_by=size&group_by=source&sources=image.edit&sizes=1024x1024`);
    expect(edits.map((r) => [r.size, r.source, r.images])).toEqual([['1024x1024', 'image.edit', 2]]);
    const bad = await client.get(`${base}&sizes=999x999`);
    expect([bad.status, bad.body.error.param]).toEqual([400, 'sizes']);
  });

  it('filters completions by batch, users and models, and groups by service tier', async () => {
    api.state.addCompletionsUsage({
      time: '2026-06-01',
      batch: true,
      userId: 'user_a',
      model: 'gpt-5',
      inputTokens: 10,
    });
    api.state.addCompletionsUsage({ time: '2026-06-01', serviceTier: 'flex', userId: 'user_b', inputTokens: 20 });
    const base = `/organization/usage/completions?${RANGE}`;
    expect((await firstResults(`${base}&batch=true`)).map((r) => r.input_tokens)).toEqual([10]);
    expect((await firstResults(`${base}&batch=false`)).map((r) => r.input_tokens)).toEqual([20]);
    expect((await firstResults(`${base}&user_ids=user_b`)).map((r) => r.input_tokens)).toEqual([20]);
    expect((await firstResults(`${base}&models=gpt-5`)).map((r) => r.input_tokens)).toEqual([10]);
    const tiers = await firstResults(`${base}&group_by=service_tier&group_by=batch`);
    expect(tiers.map((r) => [r.service_tier, r.batch, r.input_tokens])).toEqual([
      [null, true, 10],
      ['flex', false, 20],
    ]);
  });

  it('filters web searches by context level and file searches by vector store', async () => {
    api.state.addUsage('web_search_calls', { time: '2026-06-01', context_level: 'high', num_requests: 4 });
    api.state.addUsage('web_search_calls', { time: '2026-06-01', context_level: 'low', num_requests: 1 });
    api.state.addUsage('file_search_calls', { time: '2026-06-01', vector_store_id: 'vs_1', num_requests: 9 });
    api.state.addUsage('file_search_calls', { time: '2026-06-01', vector_store_id: 'vs_2', num_requests: 2 });
    const web = `/organization/usage/web_search_calls?${RANGE}`;
    expect((await firstResults(`${web}&context_levels=low`)).map((r) => r.num_requests)).toEqual([1]);
    expect((await client.get(`${web}&context_levels=huge`)).body.error.param).toBe('context_levels');
    const files = `/organization/usage/file_search_calls?${RANGE}&group_by=vector_store_id`;
    expect(
      (await firstResults(`${files}&vector_store_ids=vs_2`)).map((r) => [r.vector_store_id, r.num_requests]),
    ).toEqual([['vs_2', 2]]);
  });

  it('refuses a group_by the kind does not have, and answers 404 for a kind that does not exist', async () => {
    const wrong = await client.get(`/organization/usage/vector_stores?${RANGE}&group_by=model`);
    expect([wrong.status, wrong.body.error.param]).toEqual([400, 'group_by']);
    const missing = await client.get(`/organization/usage/telepathy?${RANGE}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('/v1/organization/usage/telepathy');
  });

  it('refuses to seed a field the kind does not report', () => {
    expect(() => api.state.addUsage('vector_stores', { time: '2026-06-01', model: 'gpt-5' })).toThrow(
      /vector_stores usage has no field model/,
    );
    expect(() => api.state.addUsage('images', { time: '2026-06-01', images: -1 })).toThrow(/no field images/);
    expect(api.state.usage).toHaveLength(0);
  });
});
