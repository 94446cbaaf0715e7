import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';

const APP_TOKEN = 'xapp-1-test-app-token';

describe('Socket Mode', () => {
  let server: WebSocketServer;
  let h: Harness;
  const sockets: WebSocket[] = [];
  const received: unknown[] = [];
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
    expect(h.bot.port).toBeUndefined();
    const opened = await h.slack.waitFor((c) => c.method === 'apps.connections.open');
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
    const reply = await h.slack.waitFor((c) => c.method === 'response:socket1');
    expect(messageText(reply)).toContain('sam@x.com');
    expect(received).toContainEqual(expect.objectContaining({ envelope_id: 'env-1' }));
  });

  it('masks the app token in every log line, even inside free text', async () => {
    const { logger, config } = h.bot.container;
    logger.warn({ config }, `the socket said ${APP_TOKEN}`);
    const all = h.logs.join('\n');
    expect(all).toContain('the socket said [redacted]');
    expect(all).not.toContain(APP_TOKEN);
  });
});
