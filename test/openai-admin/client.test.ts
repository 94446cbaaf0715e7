import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  WriteNotSent,
} from '../../src/domain/admin-api/errors.js';
import { type AdminApiClient, type AttemptReport, createAdminApi } from '../../src/openai-admin/index.js';
import { createTransport } from '../../src/openai-admin/transport.js';
import { closedPort, startScriptedServer } from '../helpers/scripted-server.js';

type Server = Awaited<ReturnType<typeof startScriptedServer>>;
const envelope = (message: string, code: string | null = null) => ({
  error: { message, type: 'invalid_request_error', param: null, code },
});
const user = { object: 'organization.user', id: 'user_1', email: 'a@x.com', role: 'reader' };
const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('the Admin API over the SDK', () => {
  let server: Server;
  let waits: number[];
  let attempts: AttemptReport[];
  let admin: AdminApiClient;
  const build = (extra: Partial<Parameters<typeof createAdminApi>[0]> = {}) =>
    createAdminApi({
      baseUrl: server.url,
      adminKey: 'sk-admin-secret',
      timeoutMs: 300,
      retry: { maxRetries: 2, initialDelayMs: 100, maxDelayMs: 8_000 },
      sleep: async (ms) => {
        waits.push(ms);
      },
      onAttempt: (attempt) => attempts.push(attempt),
      ...extra,
    });
  beforeEach(async () => {
    server = await startScriptedServer();
    waits = [];
    attempts = [];
    admin = build();
  });
  afterEach(async () => {
    await admin.close();
    await server.close();
  });

  it('sends the admin key as a bearer token and the body as JSON', async () => {
    server.queue.push({ body: { id: 'invite-1', email: 'a@b.c', role: 'reader', status: 'pending' } });
    await admin.invites.create({ email: 'a@b.c', role: 'reader' });
    const [req] = server.requests;
    expect(req?.headers.authorization).toBe('Bearer sk-admin-secret');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req?.body ?? '')).toEqual({ email: 'a@b.c', role: 'reader' });
  });

  it('retries a read after 429, waiting what Retry-After asks, then answers with the request id', async () => {
    server.queue.push({
      status: 429,
      headers: { 'retry-after': '1', 'x-request-id': 'req_1' },
      body: envelope('slow'),
    });
    server.queue.push({ body: user, headers: { 'x-request-id': 'req_2' } });
    const result = await admin.users.retrieve('user_1');
    expect(result).toEqual({ data: user, requestId: 'req_2' });
    expect(waits).toEqual([1000]);
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
  });

  it('retries a read on 5xx with exponential backoff and jitter, then gives up with the last request id', async () => {
    for (let i = 0; i < 3; i++)
      server.queue.push({ status: 503, body: envelope('down'), headers: { 'x-request-id': `req_${i}` } });
    const error = await caught(admin.users.retrieve('user_1'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, message: 'down', requestId: 'req_2' });
    expect(server.requests).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(75);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(150);
    expect(waits[1]).toBeLessThanOrEqual(200);
  });

  it('never repeats a write that failed with 500, and reports its request id', async () => {
    server.queue.push({ status: 500, body: envelope('boom'), headers: { 'x-request-id': 'req_9' } });
    const error = await caught(admin.invites.create({ email: 'a@b.c', role: 'reader' }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ requestId: 'req_9' });
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('never repeats a write whose answer did not come in time', async () => {
    server.queue.push({ delayMs: 1_000 }, { delayMs: 1_000 }, { delayMs: 1_000 });
    const error = await caught(admin.users.delete('user_1'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it('repeats a write answered 429, which OpenAI sends before processing it', async () => {
    server.queue.push({ status: 429, headers: { 'retry-after': '2' }, body: envelope('slow') }, { body: user });
    await admin.users.update('user_1', { role: 'owner' });
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST']);
    expect(waits).toEqual([2000]);
  });

  it('repeats a write whose connection was refused, since it never reached the server', async () => {
    const refused = build({ baseUrl: `http://127.0.0.1:${await closedPort()}/v1` });
    await expect(refused.invites.delete('invite-1')).rejects.toBeInstanceOf(ConnectionError);
    expect(attempts.map((a) => [a.method, a.status])).toEqual(Array(3).fill(['DELETE', 'connection_error']));
    await refused.close();
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
    const error = await caught(admin.users.delete('user_1'));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, message: 'nope', code: 'some_code', requestId: 'req_x' });
  });

  it('reads an error body without the error wrapper, and one that is not JSON', async () => {
    server.queue.push({ status: 400, body: { message: 'flat', code: 'c' } });
    expect(await caught(admin.users.delete('user_1'))).toMatchObject({ message: 'flat', code: 'c' });
    server.queue.push({ status: 502, headers: { 'content-type': 'text/html' }, raw: '<h1>Bad gateway</h1>' });
    expect(await caught(admin.users.delete('user_1'))).toMatchObject({ status: 502, message: '<h1>Bad gateway</h1>' });
  });

  it('waits longer for a write than for a read, and sends the write once', async () => {
    const patient = build({ writeTimeoutMs: 3_000 });
    server.queue.push({ delayMs: 800, body: { deleted: true }, headers: { 'x-request-id': 'req_slow_write' } });
    expect(await patient.users.delete('user_1')).toEqual({ data: { deleted: true }, requestId: 'req_slow_write' });
    server.queue.push({ delayMs: 800 }, { delayMs: 800 }, { delayMs: 800 });
    expect(await caught(patient.users.retrieve('user_1'))).toBeInstanceOf(TimeoutError);
    expect(server.requests.map((r) => r.method)).toEqual(['DELETE', 'GET', 'GET', 'GET']);
    await patient.close();
  });

  it('retries a read whose connection dropped', async () => {
    server.queue.push({ hangUp: true }, { body: user });
    expect((await admin.users.retrieve('user_1')).data).toEqual(user);
    expect(attempts.map((a) => a.status)).toEqual(['connection_error', 200]);
  });

  it('rejects an answer that does not have the documented shape, keeping extra fields of one that has', async () => {
    server.queue.push(
      { body: { ...user, new_field: true } },
      { body: { nope: 1 }, headers: { 'x-request-id': 'req_b' } },
    );
    expect((await admin.users.retrieve('user_1')).data).toMatchObject({ new_field: true });
    const error = await caught(admin.users.retrieve('user_1'));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ requestId: 'req_b', message: expect.stringContaining('at id') });
  });

  it('percent-encodes ids into paths and refuses dot segments', async () => {
    server.queue.push({ body: user });
    await admin.users.retrieve('../projects?x=1#y');
    expect(server.requests[0]?.url).toBe('/v1/organization/users/..%2Fprojects%3Fx=1%23y');
    await expect(admin.users.retrieve('..')).rejects.toThrow();
    expect(server.requests).toHaveLength(1);
  });

  it('sends query arrays as the document names them: repeated plainly, or with brackets where it says so', async () => {
    const list = { object: 'list', data: [], has_more: false };
    server.queue.push({ body: list }, { body: list }, { body: { object: 'page', data: [], has_more: false } });
    for await (const _ of admin.users.list({ emails: ['a@x.com', 'b@x.com'] })) break;
    await admin.auditLogs.page({ projectIds: ['proj_1', 'proj_2'], effectiveAt: { gte: 1, lt: 2 } });
    for await (const _ of admin.reports.buckets('costs', {
      startTime: 5,
      projectIds: ['proj_1', 'proj_2'],
      groupBy: ['project_id'],
    }))
      break;
    expect(server.requests.map((r) => decodeURIComponent(r.url))).toEqual([
      '/v1/organization/users?emails=a@x.com&emails=b@x.com&limit=100',
      '/v1/organization/audit_logs?project_ids[]=proj_1&project_ids[]=proj_2&effective_at[gte]=1&effective_at[lt]=2',
      '/v1/organization/costs?start_time=5&bucket_width=1d&project_ids=proj_1&project_ids=proj_2&group_by=project_id&limit=180',
    ]);
  });

  it('in a dry run sends reads, and holds back every write, saying what it would have sent', async () => {
    const dry = build({ dryRun: true });
    server.queue.push({ body: user });
    expect((await dry.users.retrieve('user_1')).data).toEqual(user);
    const error = await caught(dry.invites.create({ email: 'a@b.com', role: 'reader' }));
    expect(error).toBeInstanceOf(WriteNotSent);
    expect((error as Error).message).toBe(
      'dry run: would POST /organization/invites {"email":"a@b.com","role":"reader"}',
    );
    expect(await caught(dry.users.delete('user_1'))).toMatchObject({
      message: 'dry run: would DELETE /organization/users/user_1',
    });
    expect(server.requests.map((r) => r.method)).toEqual(['GET']);
    await dry.close();
  });

  it('never shows a secret of a held-back write: fields named like one are masked', async () => {
    const transport = createTransport({
      basePath: '/v1',
      readTimeoutMs: 300,
      writeTimeoutMs: 300,
      retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1 },
      dryRun: true,
      maxResponseBytes: 1_000,
      sleep: async () => undefined,
    });
    const body = JSON.stringify({ name: 'vault', key: { private_key: 'pk-1', client_secret: 'cs-2' }, token: 't-3' });
    const error = await caught(transport(`${server.url}/organization/external_keys`, { method: 'POST', body }));
    expect(error).toMatchObject({
      request: {
        path: '/organization/external_keys',
        body: { name: 'vault', key: { private_key: '[redacted]', client_secret: '[redacted]' }, token: '[redacted]' },
      },
    });
    expect((error as Error).message).not.toMatch(/pk-1|cs-2|t-3/);
    expect(server.requests).toEqual([]);
  });
});
