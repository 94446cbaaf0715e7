import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeadlineExceeded, exchange } from '../../src/http/exchange.js';
import { startScriptedServer } from '../helpers/scripted-server.js';

describe('one HTTP exchange read whole', () => {
  let server: Awaited<ReturnType<typeof startScriptedServer>>;
  const agent = new Agent();
  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(async () => {
    await agent.close();
    await server.close();
  });

  const origin = () => new URL(server.url).origin;
  const get = (path = '/v1/x') => ({ origin: origin(), path, method: 'GET' as const });

  it('answers with the status, the headers and the whole body, and sends the request as given', async () => {
    const big = { rows: Array.from({ length: 5_000 }, (_, i) => `row ${i}`) };
    server.queue.push({ status: 201, body: big, headers: { 'x-request-id': 'req_7' } });
    const answer = await exchange(agent, {
      origin: origin(),
      path: '/v1/things?limit=2',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(answer.statusCode).toBe(201);
    expect(answer.headers['x-request-id']).toBe('req_7');
    expect(JSON.parse(answer.body.toString('utf8'))).toEqual(big);
    expect(server.requests.at(-1)).toMatchObject({ method: 'POST', url: '/v1/things?limit=2', body: '{"a":1}' });
  });

  it('reads and drops the body when it is not wanted', async () => {
    server.queue.push({ status: 500, body: { error: 'x' } });
    const answer = await exchange(agent, get(), { keepBody: false });
    expect(answer.statusCode).toBe(500);
    expect(answer.body.length).toBe(0);
  });

  it('gives up with DeadlineExceeded when the whole answer takes longer than its deadline', async () => {
    server.queue.push({ delayMs: 1_000 });
    await expect(exchange(agent, get(), { deadlineMs: 50 })).rejects.toBeInstanceOf(DeadlineExceeded);
  });

  it('refuses a body over its size limit with the error it is given', async () => {
    server.queue.push({ body: 'x'.repeat(10_000) });
    const tooLarge = () => new RangeError('too large');
    await expect(exchange(agent, get(), { maxBytes: 1_000, tooLarge })).rejects.toThrow('too large');
  });

  it('fails with the connection error when nothing listens', async () => {
    await expect(exchange(agent, { origin: 'http://127.0.0.1:1', path: '/', method: 'GET' })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});
