import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { operations } from '../../src/domain/operations/index.js';
import { renderOperationForm } from '../../src/slack/blocks/operation-form.js';
import { renderPicker } from '../../src/slack/blocks/picker-modal.js';
import { BODY_LIMIT_BYTES } from '../../src/slack/body-limit.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { clickButton } from '../helpers/interactions.js';
import { USERS } from '../helpers/policy.js';
import { startScriptedServer } from '../helpers/scripted-server.js';
import { commandBody, payloadBody, postSigned } from '../helpers/slack-requests.js';

/**
 * Sends headers announcing `declared` bytes and then only `sent` bytes, and resolves with the status the bot
 * answers before the rest would arrive (or 0 when it waits for the rest).
 */
function postPartly(botUrl: string, declared: number, sent: number): Promise<number> {
  const { hostname, port } = new URL(botUrl);
  return new Promise((resolve, reject) => {
    const req = request({
      hostname,
      port,
      method: 'POST',
      path: '/slack/events',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(declared),
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
        'x-slack-signature': 'v0=unsigned',
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve(0);
    }, 2_000);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error) => (timer.hasRef() ? reject(error) : undefined));
    req.write(Buffer.alloc(sent, 'a'));
  });
}

describe('the size of request bodies', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('answers 413 to a body announced over the limit before it has arrived, and before checking a signature', async () => {
    expect(await postPartly(h.botUrl, BODY_LIMIT_BYTES + 1, 64 * 1024)).toBe(413);
  });

  it('answers 413 to a body sent without a length once it passes the limit', async () => {
    const body = `text=${'a'.repeat(BODY_LIMIT_BYTES + 10)}`;
    const response = await fetch(`${h.botUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new Blob([body]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('leaves room for a command at Slack’s text limit in its widest encoding, and for the largest forms', () => {
    const widestCommand = commandBody({ text: '\u201c'.repeat(40_000), responseUrl: h.slack.responseUrl('x') });
    expect(Buffer.byteLength(widestCommand)).toBeLessThan(BODY_LIMIT_BYTES);
    // A view_submission carries the whole view and every field's state; with every field filled to Slack's
    // 3,000-character maximum, the bot's largest view still leaves the limit well clear.
    const views = [renderPicker(operations), ...operations.map((op) => renderOperationForm(op, 'C1'))];
    const largest = Math.max(
      ...views.map((view) => {
        const values = Object.fromEntries(
          view.blocks.map((b) => [
            b.block_id ?? 'b',
            { value: { type: 'plain_text_input', value: 'é'.repeat(3_000) } },
          ]),
        );
        const payload = { type: 'view_submission', user: { id: 'U1' }, view: { ...view, state: { values } } };
        return Buffer.byteLength(payloadBody(payload));
      }),
    );
    expect(largest).toBeLessThan(BODY_LIMIT_BYTES);
  });

  it('answers Slack’s unsigned ssl_check, and runs nothing that is sent along with it', async () => {
    const command = commandBody({ text: 'users list', userId: USERS.admin, responseUrl: h.slack.responseUrl('ssl') });
    const payload = JSON.stringify({ type: 'block_actions', user: { id: USERS.admin } });
    const response = await fetch(`${h.botUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `ssl_check=1&${command}&payload=${encodeURIComponent(payload)}`,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.openai.requests).toHaveLength(0);
    expect(h.slack.callsTo('response:ssl')).toHaveLength(0);
  });

  it('refuses an unsigned command with 401, with or without a query string', async () => {
    const body = commandBody({ text: 'users list', userId: USERS.admin, responseUrl: h.slack.responseUrl('u') });
    for (const path of ['/slack/events', '/slack/events?retry=1']) {
      const response = await fetch(`${h.botUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      expect(response.status, path).toBe(401);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.openai.requests).toHaveLength(0);
  });

  it('still serves an ordinary signed command', async () => {
    const reply = await h.ask('help', USERS.viewer);
    expect(messageText(reply)).toContain('Commands');
  });
});

describe('response_url', () => {
  let h: Harness;
  let elsewhere: Awaited<ReturnType<typeof startScriptedServer>>;
  beforeAll(async () => {
    h = await startHarness();
    elsewhere = await startScriptedServer();
  });
  afterAll(async () => {
    await h.close();
    await elsewhere.close();
  });
  beforeEach(() => h.openai.reset());

  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('refuses a command whose response_url is not on Slack’s host: nothing is run or sent there, and it is logged', async () => {
    const body = commandBody({ text: 'users list', userId: USERS.admin, responseUrl: `${elsewhere.url}/hook` });
    const sent = await postSigned(h.botUrl, body);
    expect(sent.status).toBe(200);
    await settle();
    expect(elsewhere.requests).toHaveLength(0);
    expect(h.openai.requests).toHaveLength(0);
    expect(h.logs.join('\n')).toContain('response_url is not on Slack');
  });

  it('refuses a button click whose response_url is not on Slack’s host', async () => {
    const click = await clickButton(
      { slack: { responseUrl: () => `${elsewhere.url}/click` } as never, botUrl: h.botUrl },
      { actionId: 'approval.approve', value: 'apr_missing', userId: USERS.approver },
    );
    expect(click.status).toBe(200);
    await settle();
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('still answers on the configured Slack host', async () => {
    const reply = await h.ask('help', USERS.viewer);
    expect(reply.method).toMatch(/^response:/);
  });
});
