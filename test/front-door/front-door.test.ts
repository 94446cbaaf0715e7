import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { BotThreadFailed } from '../../src/front-door/bot-thread-link.js';
import { type FrontDoor, startFrontDoor } from '../../src/front-door/front-door.js';
import { createLogger } from '../../src/logger.js';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { ADMIN_KEY, envForFakes, messageText } from '../helpers/harness.js';
import { captureLines } from '../helpers/log-capture.js';
import { writePolicy } from '../helpers/policy.js';
import { commandBody, postSigned, sign } from '../helpers/slack-requests.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The bot's configuration against the two fakes, on a free port. */
const configFor = (slack: FakeSlack, openai: FakeAdminApi, policyFile = writePolicy()) =>
  loadConfig({ ...envForFakes(slack, openai, policyFile), LOG_LEVEL: 'warn' });

describe('the front door: HTTP mode with the bot in a thread of its own', () => {
  let slack: FakeSlack;
  let openai: FakeAdminApi;
  let door: FrontDoor;
  let url: string;
  let lost = 0;
  let seq = 0;
  const logs = captureLines();

  const command = async (text: string) => {
    const responseId = `front${++seq}`;
    const sent = await postSigned(url, commandBody({ text, responseUrl: slack.responseUrl(responseId) }));
    return { ...sent, responseId };
  };
  const userLists = () => openai.requests.filter((r) => r.path === '/organization/users');

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
    door = await startFrontDoor(
      configFor(slack, openai),
      createLogger({ level: 'warn', destination: logs.destination }),
      {
        onBotThreadLost: () => {
          lost += 1;
        },
        bot: { inFlight: { concurrency: 1, queue: 1 } },
      },
    );
    url = `http://127.0.0.1:${door.port}`;
  }, 30_000);
  afterAll(async () => {
    await door?.stop(5_000);
    await slack?.close();
    await openai?.close();
  });
  beforeEach(() => {
    openai.reset();
    openai.setDelay(0);
  });

  it('acknowledges a command empty and the bot thread answers it at its response URL', async () => {
    openai.state.addUser({ email: 'front-door@x.com' });
    const sent = await command('users list');
    expect(sent.status).toBe(200);
    expect(sent.text).toBe('');
    expect(messageText(await slack.waitForAnswer(sent.responseId))).toContain('front-door@x.com');
    expect(userLists()).toHaveLength(1);
  });

  it('says "busy" in the acknowledgement while the bot thread takes no more, and runs nothing for it', async () => {
    openai.setDelay(1_500);
    const running = await command('users list');
    for (let i = 0; i < 200 && userLists().length === 0; i++) await sleep(10);
    const waiting = await command('users list');
    // The bot thread closes its queue as it takes the waiting command; give it time to say so.
    await sleep(300);
    const refused = await command('users list');

    expect(refused.status).toBe(200);
    expect(JSON.parse(refused.text).text).toContain('busy');
    for (const sent of [running, waiting]) {
      expect(sent.text).toBe('');
      expect(messageText(await slack.waitForAnswer(sent.responseId, 10_000))).not.toContain('busy');
    }
    expect(userLists()).toHaveLength(2);
    expect(slack.calls.some((call) => call.method === `response:${refused.responseId}`)).toBe(false);
  });

  it('tells every command of a burst either its answer or "busy", exactly once, and runs only those answered', async () => {
    openai.setDelay(300);
    const burst = await Promise.all(Array.from({ length: 6 }, () => command('users list')));
    await sleep(2_500);
    let answered = 0;
    for (const sent of burst) {
      const posts = slack.calls.filter((call) => call.method === `response:${sent.responseId}`);
      const busyAtAck = sent.text !== '' && JSON.parse(sent.text).text.includes('busy');
      const busyLater = posts.filter((call) => messageText(call).includes('busy'));
      expect(Number(busyAtAck) + busyLater.length + (posts.length - busyLater.length)).toBe(1);
      if (!busyAtAck && busyLater.length === 0) answered += 1;
    }
    expect(answered).toBeGreaterThanOrEqual(1);
    expect(userLists()).toHaveLength(answered);
  });

  it('passes interactivity and events through and returns the bot thread’s own answer', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' });
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(`${url}/slack/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': sign(body, timestamp),
      },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('c-123');
  });

  it('refuses unsigned and oversized requests itself, handing nothing over', async () => {
    const body = commandBody({ text: 'users list', responseUrl: slack.responseUrl('unsigned') });
    expect((await postSigned(url, body, { signature: 'v0=00' })).status).toBe(401);
    const huge = await fetch(`${url}/slack/events`, {
      method: 'POST',
      body: 'x'.repeat(600 * 1024),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }).catch(() => undefined);
    expect(huge === undefined || huge.status === 413).toBe(true);
    await sleep(200);
    expect(userLists()).toHaveLength(0);
    expect(slack.calls.some((call) => call.method === 'response:unsigned')).toBe(false);
  });

  it('serves /healthz and /metrics from the bot thread, with the front door’s acknowledgement times', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/openai_bot_ack_seconds_count\{kind="command"\} [1-9]/);
    expect(lost).toBe(0);
  });

  it('reports a policy file the bot thread refuses, in the policy file’s own words', async () => {
    const broken = writePolicy('approvers: [not, a, mapping\n');
    const failed = await startFrontDoor(configFor(slack, openai, broken), createLogger({ level: 'silent' }), {
      onBotThreadLost: () => undefined,
    }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(BotThreadFailed);
    expect((failed as BotThreadFailed).plain).toBe(true);
    expect((failed as Error).message).toContain('policy file');
  });
});

describe('stopping the front door', () => {
  it('answers a command acknowledged just before the stop, then stops', async () => {
    const slack = await new FakeSlack().start();
    const openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
    const door = await startFrontDoor(configFor(slack, openai), createLogger({ level: 'silent' }), {
      onBotThreadLost: () => undefined,
    });
    try {
      openai.setDelay(500);
      const sent = await postSigned(
        `http://127.0.0.1:${door.port}`,
        commandBody({ text: 'users list', responseUrl: slack.responseUrl('last') }),
      );
      expect(sent.text).toBe('');
      await door.stop(10_000);
      expect(slack.calls.some((call) => call.method === 'response:last')).toBe(true);
      await expect(fetch(`http://127.0.0.1:${door.port}/healthz`)).rejects.toThrow();
    } finally {
      await door.stop();
      await slack.close();
      await openai.close();
    }
  }, 30_000);
});
