import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import type { SlackMark } from '../helpers/fake-slack.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { sample, scrape } from '../helpers/metrics-scrape.js';

const APP_TOKEN = 'xapp-1-test-app-token';

describe('Socket Mode', () => {
  let server: WebSocketServer;
  let h: Harness;
  const sockets: WebSocket[] = [];
  const received: unknown[] = [];
  let started: SlackMark;
  beforeAll(async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    server.on('connection', (socket) => {
      sockets.push(socket);
      socket.on('message', (data) => received.push(JSON.parse(String(data))));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' } }));
    });
    h = await startHarness({
      env: { SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: '' },
      beforeStart: (slack) => {
        started = slack.mark();
        slack.socketUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      },
    });
  });
  afterAll(async () => {
    await h.close();
    for (const socket of sockets) socket.terminate();
    await new Promise((resolve) => server.close(resolve));
  });

  it('connects with the app token, acks a slash command envelope and answers through response_url', async () => {
    const opened = await h.slack.waitFor(started, (c) => c.method === 'apps.connections.open');
    expect(opened.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    h.openai.state.addUser({ email: 'sam@x.com' });
    const payload = {
      token: 'deprecated',
      team_id: 'T1',
      channel_id: 'COPS',
      user_id: 'UADMIN',
      command: '/openai',
      text: 'users list',
      api_app_id: 'A1',
      response_url: h.slack.responseUrl('socket1'),
      trigger_id: '1.2.3',
    };
    for (let i = 0; i < 100 && sockets.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    sockets[0]?.send(
      JSON.stringify({ envelope_id: 'env-1', type: 'slash_commands', payload, accepts_response_payload: true }),
    );
    const reply = await h.slack.waitForAnswer('socket1');
    expect(messageText(reply)).toContain('sam@x.com');
    expect(received).toContainEqual(expect.objectContaining({ envelope_id: 'env-1' }));
  });

  const sendCommand = async (envelopeId: string, text: string, responseId: string) => {
    for (let i = 0; i < 100 && sockets.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const payload = {
      team_id: 'T1',
      channel_id: 'COPS',
      user_id: 'UADMIN',
      command: '/openai',
      text,
      api_app_id: 'A1',
      response_url: h.slack.responseUrl(responseId),
      trigger_id: '1.2.3',
    };
    sockets[0]?.send(JSON.stringify({ envelope_id: envelopeId, type: 'slash_commands', payload }));
    await h.slack.waitForAnswer(responseId);
  };

  it('serves /metrics on PORT, with the command counter and ack histogram moving', async () => {
    expect(h.bot.port).toBeGreaterThan(0);
    const before = await scrape(h.botUrl);
    await sendCommand('env-metrics', 'users list', 'socket-metrics');
    const after = await scrape(h.botUrl);
    const ok = { operation: 'users.list', outcome: 'ok' };
    expect(sample(after, 'openai_bot_commands_total', ok)).toBe(sample(before, 'openai_bot_commands_total', ok) + 1);
    const acks = (text: string) => sample(text, 'openai_bot_ack_seconds_count', { kind: 'command' });
    expect(acks(after)).toBe(acks(before) + 1);
    expect(sample(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('answers /healthz on PORT with 200 while connected to Slack and 503 once the connection drops', async () => {
    const healthy = await fetch(`${h.botUrl}/healthz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ ok: true });
    h.slack.socketUrl = '';
    for (const socket of sockets.splice(0)) socket.terminate();
    let status = 200;
    for (let i = 0; i < 100 && status === 200; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = (await fetch(`${h.botUrl}/healthz`)).status;
    }
    expect(status).toBe(503);
  });

  it('masks the app token in every log line, even inside free text', async () => {
    const { logger, config } = h.bot.container;
    logger.warn({ config }, `the socket said ${APP_TOKEN}`);
    const all = h.logs.join('\n');
    expect(all).toContain('the socket said [redacted]');
    expect(all).not.toContain(APP_TOKEN);
  });
});
