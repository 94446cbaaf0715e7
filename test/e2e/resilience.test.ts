import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, BOT_TOKEN, type Harness, messageText, startHarness } from '../helpers/harness.js';
import { commandBody, postSigned, SIGNING_SECRET, sign } from '../helpers/slack-requests.js';

describe('the HTTP endpoint and Admin API faults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ start: { adminTimeoutMs: 300 } });
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const body = (text: string) => commandBody({ text, userId: 'UADMIN', responseUrl: h.slack.responseUrl('r') });

  it('answers GET /healthz with 200 while the store is reachable', async () => {
    const response = await fetch(`${h.botUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('rejects a forged signature with 401 and calls nothing', async () => {
    const forged = await postSigned(h.botUrl, body('invite a@x.com'), { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const tampered = body('invite a@x.com');
    const ts = Math.floor(Date.now() / 1000);
    const swapped = await postSigned(h.botUrl, body('invite evil@x.com owner'), {
      timestamp: ts,
      signature: sign(tampered, ts),
    });
    expect(swapped.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.openai.requests).toHaveLength(0);
  });

  it('rejects a stale timestamp (over five minutes old) even when correctly signed', async () => {
    const stale = await postSigned(h.botUrl, body('invite a@x.com'), {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(stale.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.openai.requests).toHaveLength(0);
  });

  it('retries a list after 429, honouring Retry-After, then answers', async () => {
    h.openai.state.addUser({ email: 'zoe@x.com' });
    h.openai.fail({ method: 'GET', path: '/organization/users', status: 429, headers: { 'retry-after': '1' } });
    const started = Date.now();
    const reply = await h.ask('users list');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(messageText(reply)).toContain('zoe@x.com');
    expect(h.openai.requests.filter((r) => r.path === '/organization/users')).toHaveLength(2);
  });

  it('does not repeat an invite whose create failed with 500, and says what happened with the request id', async () => {
    h.openai.fail({ method: 'POST', path: '/organization/invites', status: 500 });
    const reply = await h.ask('invite amy@x.com');
    const text = messageText(reply);
    expect(text).toContain('OpenAI had an internal error. (HTTP 500)');
    expect(text).toMatch(/OpenAI request id `req_\d+`/);
    expect(h.openai.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it.each([
    [401, 'OpenAI rejected the bot’s admin key'],
    [403, 'The bot’s admin key is not allowed to do this.'],
    [404, 'OpenAI could not find that.'],
  ])('explains HTTP %i in plain words', async (status, words) => {
    h.openai.fail({ method: 'GET', path: '/organization/invites', status, times: 3 });
    const reply = await h.ask('invites list');
    expect(messageText(reply)).toContain(words);
    expect(messageText(reply)).toMatch(/OpenAI request id `req_\d+`/);
  });

  it('reports a timeout in plain words after retrying the read', async () => {
    h.openai.fail({ method: 'GET', path: '/organization/projects', status: 200, delayMs: 2_000, times: 3 });
    const reply = await h.ask('projects list');
    expect(messageText(reply)).toContain('OpenAI did not answer in time.');
  });

  it('acks before the slow Admin API answers, then replies through response_url', async () => {
    h.openai.setDelay(3_500);
    const slow = await startHarness({ openai: h.openai, slack: h.slack });
    try {
      const sent = await slow.command('users list');
      expect(sent.status).toBe(200);
      expect(h.slack.callsTo(`response:${sent.responseId}`)).toHaveLength(0);
      const reply = await h.slack.waitForAnswer(sent.responseId, 10_000);
      expect(messageText(reply)).toContain('members');
    } finally {
      h.openai.setDelay(0);
      await slow.close();
    }
  });

  it('never writes the admin key, bot token or signing secret to the log, even inside free text', async () => {
    await h.ask('users list');
    await h.ask('invite nobody');
    // The bot's own logger, built as in production: a secret echoed back in an error or a message is masked.
    const { logger, config } = h.bot.container;
    logger.error({ err: new Error(`upstream echoed ${SIGNING_SECRET}`), config }, `saw ${ADMIN_KEY} and ${BOT_TOKEN}`);
    const all = h.logs.join('\n');
    expect(all).toContain('upstream echoed [redacted]');
    expect(all).toContain('saw [redacted] and [redacted]');
    for (const secret of [ADMIN_KEY, BOT_TOKEN, SIGNING_SECRET]) expect(all).not.toContain(secret);
  });
});
