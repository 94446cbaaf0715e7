import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collect } from '../../src/domain/admin-api/collect.js';
import { PaginationError } from '../../src/domain/admin-api/errors.js';
import { type AdminApiClient, createAdminApi } from '../../src/openai-admin/index.js';
import { startScriptedServer } from '../helpers/scripted-server.js';

type Server = Awaited<ReturnType<typeof startScriptedServer>>;
const member = (id: string) => ({ object: 'organization.user', id, email: `${id}@x.com`, role: 'reader' });
const members = (ids: string[], more: boolean, lastId: string | null = ids.at(-1) ?? null) => ({
  body: { object: 'list', data: ids.map(member), first_id: ids[0] ?? null, last_id: lastId, has_more: more },
});
const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe('listings over the SDK', () => {
  let server: Server;
  let clock: number;
  let admin: AdminApiClient;
  beforeEach(async () => {
    server = await startScriptedServer();
    clock = 0;
    admin = createAdminApi({
      baseUrl: server.url,
      adminKey: 'k',
      retry: { maxRetries: 0 },
      listDeadlineMs: 60_000,
      now: () => clock,
    });
  });
  afterEach(async () => {
    await admin.close();
    await server.close();
  });

  it('follows last_id cursors (after=…) until has_more is false', async () => {
    server.queue.push(members(['a', 'b'], true), members(['c'], false));
    expect(ids(await collect(admin.users.list({ limit: 2 })))).toEqual(['a', 'b', 'c']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/organization/users?limit=2',
      '/v1/organization/users?limit=2&after=b',
    ]);
  });

  it('follows the last item id where a listing has no last_id (admin keys)', async () => {
    const key = (id: string) => ({ object: 'organization.admin_api_key', id, name: id });
    server.queue.push(
      { body: { object: 'list', data: [key('k1'), key('k2')], has_more: true } },
      { body: { object: 'list', data: [key('k3')], has_more: false } },
    );
    expect(ids(await collect(admin.adminApiKeys.list()))).toEqual(['k1', 'k2', 'k3']);
    expect(server.requests[1]?.url).toBe('/v1/organization/admin_api_keys?limit=100&after=k2');
  });

  it('follows next cursors (after=next) for groups', async () => {
    const group = (id: string) => ({ object: 'group', id, name: id });
    server.queue.push(
      { body: { object: 'list', data: [group('g1')], has_more: true, next: 'cur_2' } },
      { body: { object: 'list', data: [group('g2')], has_more: false, next: null } },
    );
    expect(ids(await collect(admin.groups.list()))).toEqual(['g1', 'g2']);
    expect(server.requests[1]?.url).toBe('/v1/organization/groups?limit=100&after=cur_2');
  });

  it('follows page tokens (page=next_page) for time buckets', async () => {
    const bucket = (start: number) => ({ object: 'bucket', start_time: start, end_time: start + 86_400, results: [] });
    server.queue.push(
      { body: { object: 'page', data: [bucket(0)], has_more: true, next_page: 'p2' } },
      { body: { object: 'page', data: [bucket(86_400)], has_more: false, next_page: null } },
    );
    const buckets = await collect(admin.reports.buckets('costs', { startTime: 0 }));
    expect(buckets.map((b) => b.start_time)).toEqual([0, 86_400]);
    expect(server.requests[1]?.url).toBe('/v1/organization/costs?start_time=0&bucket_width=1d&limit=180&page=p2');
  });

  it('fetches no further page once enough items were collected', async () => {
    server.queue.push(members(['a', 'b'], true));
    expect(ids(await collect(admin.users.list(), 1))).toEqual(['a']);
    expect(server.requests).toHaveLength(1);
  });

  it('stops with a clear error when a page repeats a cursor instead of asking for it again and again', async () => {
    server.queue.push(members(['a', 'b'], true), members(['c', 'b'], true), members(['d'], false));
    const error = await collect(admin.users.list()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toBe(
      'Stopped listing organization members after 2 pages: OpenAI sent the cursor b a second time.',
    );
    expect(server.requests).toHaveLength(2);
  });

  it('stops with a clear error on an empty page that says more follow, instead of ending silently', async () => {
    server.queue.push(members(['a'], true), members([], true, null));
    const seen: string[] = [];
    const error = await (async () => {
      for await (const user of admin.users.list()) seen.push(user.id);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['a']);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as Error).message).toContain('after 2 pages: OpenAI sent an empty page that said more follow');
  });

  it('stops with a clear error when a page says more follow but names no cursor', async () => {
    server.queue.push(members(['a'], true, null));
    const error = await collect(admin.users.list()).catch((e: unknown) => e);
    expect((error as Error).message).toContain('OpenAI said more follow but gave no cursor');
  });

  it('stops with a clear error once a listing outlives its deadline, carrying the last request id', async () => {
    const page = (id: string) => ({ ...members([id], true), headers: { 'x-request-id': `req_${id}` } });
    server.queue.push(page('a'), page('b'), page('c'));
    const seen: string[] = [];
    const error = await (async () => {
      for await (const user of admin.users.list()) {
        seen.push(user.id);
        clock += 40_000;
      }
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['a', 'b']);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({
      requestId: 'req_b',
      message: 'Stopped listing organization members after 2 pages: the listing took longer than 60 s.',
    });
    expect(server.requests).toHaveLength(2);
  });
});
