import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { toleratingDrift } from '../helpers/openapi/drift-record.js';
import { call, clientFor } from './fake-client.js';

let api: FakeAdminApi;
let client: ReturnType<typeof clientFor>;

beforeAll(async () => {
  api = await startFakeAdminApi();
  client = clientFor(api);
});
beforeEach(() => api.reset());
afterAll(async () => {
  await api.close();
});

describe('authentication and envelopes', () => {
  it('rejects a missing or wrong key with 401 invalid_api_key and a request id', async () => {
    const missing = await call(api, 'GET', '/organization/users', { headers: { authorization: '' } });
    const wrong = await call(api, 'GET', '/organization/users', { headers: { authorization: 'Bearer sk-admin-nope' } });
    const notBearer = await call(api, 'GET', '/organization/users', {
      headers: { authorization: 'sk-admin-test-key' },
    });
    for (const reply of [missing, wrong, notBearer]) {
      expect(reply.status).toBe(401);
      expect(reply.body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key', param: null });
      expect(reply.headers.get('x-request-id')).toMatch(/^req_\d+$/);
    }
  });

  it('gives every response a distinct x-request-id', async () => {
    const first = await client.get('/organization/users');
    const second = await client.get('/organization/users');
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
  });

  it('answers unknown paths and methods with 404 Invalid URL', async () => {
    const reply = await client.get('/organization/nothing');
    expect(reply.status).toBe(404);
    expect(reply.body.error.message).toBe('Invalid URL (GET /v1/organization/nothing)');
    expect((await call(api, 'PATCH', '/organization/users/user_1')).status).toBe(404);
  });

  it('names unknown ids and decodes percent-encoded path ids', async () => {
    const reply = await client.get('/organization/users/user%20x');
    expect(reply.status).toBe(404);
    expect(reply.body.error).toEqual({
      message: 'No such user: user x',
      type: 'invalid_request_error',
      param: null,
      code: 'not_found',
    });
    expect(api.requests.at(-1)).toMatchObject({
      path: '/organization/users/user x',
      rawPath: '/v1/organization/users/user%20x',
    });
  });

  it('rejects malformed JSON, a non-JSON content type and unknown body fields', async () => {
    const badJson = await call(api, 'POST', '/organization/projects', { body: '{"name":', headers: {} });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.message).toMatch(/could not parse the JSON body/);
    const text = await call(api, 'POST', '/organization/projects', {
      body: '{"name":"x"}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(400);
    const unknown = await client.post('/organization/projects', { name: 'x', title: 'y' });
    expect(unknown.body.error).toMatchObject({ param: 'title', code: 'unknown_parameter' });
    expect(api.state.projects.size).toBe(1);
  });
});

describe('query encoding', () => {
  it('accepts arrays as the document describes them (key=value repeated) and as the SDKs send them (key[]=value)', async () => {
    api.state.addUser({ email: 'a@x.com' });
    api.state.addUser({ email: 'b@x.com' });
    const documented = await client.get('/organization/users?emails=a%40x.com&emails=b%40x.com');
    expect(documented.body.data).toHaveLength(2);
    const bracketed = await toleratingDrift(() => client.get('/organization/users?emails%5B%5D=a%40x.com'));
    expect(bracketed.body.data).toHaveLength(1);
    const reply = await client.get('/organization/users?emails[0]=a@x.com');
    expect(reply.status).toBe(400);
    expect(reply.body.error.param).toBe('emails');
    expect((await client.get('/organization/costs?start_time=0&project_ids[0]=proj_1')).body.error.param).toBe(
      'project_ids',
    );
    expect((await client.get('/organization/audit_logs?effective_at=5')).body.error.param).toBe('effective_at');
    expect((await client.get('/organization/users?limit[]=5')).status).toBe(400);
  });

  it('enforces limit ranges', async () => {
    expect((await client.get('/organization/users?limit=0')).body.error.code).toBe('integer_below_min_value');
    expect((await client.get('/organization/users?limit=101')).body.error.code).toBe('integer_above_max_value');
    expect((await client.get('/organization/users?limit=ten')).body.error.code).toBe('invalid_type');
    expect((await client.get('/organization/users?limit=100')).status).toBe(200);
  });
});

describe('faults', () => {
  it('answers the next N matching requests with the injected status, then recovers', async () => {
    api.fail({ method: 'GET', path: '/organization/users', status: 429, headers: { 'Retry-After': '1' }, times: 2 });
    const first = await client.get('/organization/users');
    const second = await client.get('/organization/users');
    const third = await client.get('/organization/users');
    expect([first.status, second.status, third.status]).toEqual([429, 429, 200]);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(first.body.error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    expect(api.requests).toHaveLength(3);
  });

  it('matches by RegExp and method, uses a custom body, and leaves state unchanged', async () => {
    api.fail({ method: 'POST', path: /^\/organization\/projects$/, status: 503, body: { error: 'custom' } });
    const failed = await client.post('/organization/projects', { name: 'Blocked' });
    expect(failed).toMatchObject({ status: 503, body: { error: 'custom' } });
    expect(api.state.projects.size).toBe(1);
    expect(api.requests[0]?.body).toEqual({ name: 'Blocked' });
    expect((await client.get('/organization/projects')).status).toBe(200);
    expect((await client.post('/organization/projects', { name: 'Works' })).status).toBe(200);
  });

  it('gives a 500 fault the server_error envelope', async () => {
    api.fail({ path: '/organization/invites', status: 500 });
    const reply = await client.get('/organization/invites');
    expect(reply.status).toBe(500);
    expect(reply.body.error).toMatchObject({ type: 'server_error', param: null, code: null });
  });

  it('can hang a request long enough for a client timeout', async () => {
    api.fail({ path: '/organization/users', status: 200, body: { object: 'list' }, delayMs: 2_000 });
    const started = Date.now();
    await expect(call(api, 'GET', '/organization/users', { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('delay and concurrency', () => {
  it('delays responses without serialising concurrent requests', async () => {
    api.setDelay(100);
    const started = Date.now();
    const replies = await Promise.all(Array.from({ length: 300 }, () => client.get('/organization/projects')));
    const elapsed = Date.now() - started;
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(3_000);
    expect(new Set(replies.map((reply) => reply.headers.get('x-request-id'))).size).toBe(300);
  });

  it('reset clears state, requests, faults and the delay', async () => {
    api.setDelay(50);
    api.fail({ path: '/organization/users', status: 500, times: 5 });
    api.state.addUser({ email: 'a@x.com' });
    api.reset();
    const started = Date.now();
    const reply = await client.get('/organization/users');
    expect(Date.now() - started).toBeLessThan(50);
    expect(reply.body.data).toEqual([]);
    expect(api.requests).toHaveLength(1);
  });
});
