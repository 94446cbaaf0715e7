import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AdminClient } from '../../src/openai-admin/client.js';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundApiError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnexpectedResponseError,
} from '../../src/openai-admin/errors.js';
import { collect, listByIdCursor, listByNextCursor, listByPageToken } from '../../src/openai-admin/pagination.js';
import { path } from '../../src/openai-admin/path.js';
import { startScriptedServer } from '../helpers/scripted-server.js';

type Server = Awaited<ReturnType<typeof startScriptedServer>>;
const anything = z.unknown();
const envelope = (message: string, code: string | null = null) => ({
  error: { message, type: 'invalid_request_error', param: null, code },
});

describe('AdminClient', () => {
  let server: Server;
  let waits: number[];
  let client: AdminClient;
  beforeEach(async () => {
    server = await startScriptedServer();
    waits = [];
    client = new AdminClient({
      baseUrl: server.url,
      adminKey: 'sk-admin-secret',
      timeoutMs: 300,
      retry: { maxRetries: 2, initialDelayMs: 100, maxDelayMs: 8_000 },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
  });
  afterEach(async () => {
    await client.close();
    await server.close();
  });

  it('sends the admin key as a bearer token and JSON bodies', async () => {
    await client.request(anything, { method: 'POST', path: '/organization/invites', body: { email: 'a@b.c' } });
    const [req] = server.requests;
    expect(req?.headers.authorization).toBe('Bearer sk-admin-secret');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req?.body ?? '')).toEqual({ email: 'a@b.c' });
  });

  it('retries a read after 429, waiting what Retry-After asks, then succeeds', async () => {
    server.queue.push({
      status: 429,
      headers: { 'retry-after': '1', 'x-request-id': 'req_1' },
      body: envelope('slow down'),
    });
    server.queue.push({ body: { ok: true }, headers: { 'x-request-id': 'req_2' } });
    const result = await client.request(anything, { method: 'GET', path: '/organization/users' });
    expect(result).toEqual({ data: { ok: true }, requestId: 'req_2' });
    expect(waits).toEqual([1000]);
    expect(server.requests).toHaveLength(2);
  });

  it('backs off exponentially with jitter on 5xx and gives up after the retry budget', async () => {
    for (let i = 0; i < 3; i++)
      server.queue.push({ status: 503, body: envelope('down'), headers: { 'x-request-id': `req_${i}` } });
    const error = await client.request(anything, { method: 'GET', path: '/x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).requestId).toBe('req_2');
    expect(server.requests).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(75);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(150);
    expect(waits[1]).toBeLessThanOrEqual(200);
  });

  it('never repeats a non-idempotent write that failed with 500', async () => {
    server.queue.push({ status: 500, body: envelope('boom'), headers: { 'x-request-id': 'req_9' } });
    const error = await client
      .request(anything, { method: 'POST', path: '/organization/invites', body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries an idempotent write on 409', async () => {
    server.queue.push({ status: 409, body: envelope('busy') });
    await client.request(anything, { method: 'POST', path: '/x', body: {}, idempotent: true });
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundApiError],
    [409, ConflictError],
    [429, RateLimitError],
  ])('maps HTTP %i to its error class with message, code and request id', async (status, ErrorClass) => {
    server.queue.push(
      ...Array(3).fill({ status, body: envelope('nope', 'some_code'), headers: { 'x-request-id': 'req_x' } }),
    );
    const error = await client.request(anything, { method: 'DELETE', path: '/y' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, message: 'nope', code: 'some_code', requestId: 'req_x' });
  });

  it('accepts an error body without the error wrapper', async () => {
    server.queue.push({ status: 400, body: { message: 'flat', code: 'c' } });
    const error = await client.request(anything, { method: 'POST', path: '/y' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'flat', code: 'c' });
  });

  it('gives up on an answer slower than the timeout and says so', async () => {
    server.queue.push({ delayMs: 1_000 }, { delayMs: 1_000 }, { delayMs: 1_000 });
    const error = await client.request(anything, { method: 'POST', path: '/slow' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it('waits longer for a write than for a read, and sends the write once', async () => {
    const patient = new AdminClient({
      baseUrl: server.url,
      adminKey: 'sk-admin-secret',
      timeoutMs: 300,
      writeTimeoutMs: 3_000,
      retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 1 },
    });
    try {
      server.queue.push({ delayMs: 800, body: { deleted: true }, headers: { 'x-request-id': 'req_slow_write' } });
      const written = await patient.request(anything, { method: 'DELETE', path: '/organization/users/u1' });
      expect(written).toEqual({ data: { deleted: true }, requestId: 'req_slow_write' });
      server.queue.push({ delayMs: 800 }, { delayMs: 800 }, { delayMs: 800 });
      const read = await patient.request(anything, { method: 'GET', path: '/organization/users' }).catch((e) => e);
      expect(read).toBeInstanceOf(TimeoutError);
      expect(server.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    } finally {
      await patient.close();
    }
  });

  it('reports a dropped connection as a connection error, retrying reads', async () => {
    server.queue.push({ hangUp: true }, { body: { fine: 1 } });
    const result = await client.request(anything, { method: 'GET', path: '/flaky' });
    expect(result.data).toEqual({ fine: 1 });
    const refused = new AdminClient({ baseUrl: 'http://127.0.0.1:1/v1', adminKey: 'k', retry: { maxRetries: 0 } });
    await expect(refused.request(anything, { method: 'GET', path: '/x' })).rejects.toBeInstanceOf(ConnectionError);
    await refused.close();
  });

  it('rejects a success body that does not match the schema, tolerating extra fields', async () => {
    const user = z.looseObject({ id: z.string() });
    server.queue.push({ body: { id: 'u1', new_field: true } }, { body: { nope: 1 } });
    await expect(client.request(user, { method: 'GET', path: '/u' })).resolves.toMatchObject({
      data: { id: 'u1', new_field: true },
    });
    await expect(client.request(user, { method: 'GET', path: '/u' })).rejects.toBeInstanceOf(UnexpectedResponseError);
  });

  it('encodes query arrays as the document describes them (the key repeated) and objects in bracket form', async () => {
    await client.request(anything, {
      method: 'GET',
      path: '/organization/audit_logs',
      query: { emails: ['a@x.com', 'b@x.com'], effective_at: { gte: 1, lt: 2 }, skip: undefined },
    });
    expect(decodeURIComponent(server.requests[0]?.url ?? '')).toBe(
      '/v1/organization/audit_logs?emails=a@x.com&emails=b@x.com&effective_at[gte]=1&effective_at[lt]=2',
    );
  });

  it('percent-encodes ids into paths and refuses dot segments', () => {
    expect(path`/organization/users/${'../projects?x=1#y'}`).toBe('/organization/users/..%2Fprojects%3Fx%3D1%23y');
    expect(() => path`/organization/users/${'..'}`).toThrow(/Invalid path segment/);
  });
});

describe('pagination', () => {
  let server: Server;
  let client: AdminClient;
  beforeEach(async () => {
    server = await startScriptedServer();
    client = new AdminClient({ baseUrl: server.url, adminKey: 'k' });
  });
  afterEach(async () => {
    await client.close();
    await server.close();
  });
  const item = z.object({ id: z.string() });

  it('follows ID cursors (after=last_id) until has_more is false', async () => {
    server.queue.push(
      { body: { object: 'list', data: [{ id: 'a' }, { id: 'b' }], first_id: 'a', last_id: 'b', has_more: true } },
      { body: { object: 'list', data: [{ id: 'c' }], first_id: 'c', last_id: 'c', has_more: false } },
    );
    const items = await collect(listByIdCursor(client, item, '/organization/users', { limit: 2 }));
    expect(items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/organization/users?limit=2',
      '/v1/organization/users?limit=2&after=b',
    ]);
  });

  it('follows next cursors (after=next)', async () => {
    server.queue.push(
      { body: { object: 'list', data: [{ id: 'g1' }], has_more: true, next: 'cur_2' } },
      { body: { object: 'list', data: [{ id: 'g2' }], has_more: false, next: null } },
    );
    const items = await collect(listByNextCursor(client, item, '/organization/groups'));
    expect(items.map((i) => i.id)).toEqual(['g1', 'g2']);
    expect(server.requests[1]?.url).toBe('/v1/organization/groups?after=cur_2');
  });

  it('follows page tokens (page=next_page) for time buckets', async () => {
    server.queue.push(
      { body: { object: 'page', data: [{ id: 'b1' }], has_more: true, next_page: 'p2' } },
      { body: { object: 'page', data: [{ id: 'b2' }], has_more: false, next_page: null } },
    );
    const items = await collect(listByPageToken(client, item, '/organization/costs', { start_time: 1 }));
    expect(items.map((i) => i.id)).toEqual(['b1', 'b2']);
    expect(server.requests[1]?.url).toBe('/v1/organization/costs?start_time=1&page=p2');
  });

  it('stops fetching once enough items were collected', async () => {
    server.queue.push({ body: { data: [{ id: 'a' }, { id: 'b' }], last_id: 'b', has_more: true } });
    expect(await collect(listByIdCursor(client, item, '/x'), 1)).toEqual([{ id: 'a' }]);
    expect(server.requests).toHaveLength(1);
  });
});
