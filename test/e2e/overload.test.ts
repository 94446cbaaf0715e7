import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';

describe('a full queue of work after acknowledgements', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ start: { inFlight: { concurrency: 1, queue: 1 } } });
  });
  afterAll(() => h.close());

  const userLists = () => h.openai.requests.filter((r) => r.path === '/organization/users');

  it('acknowledges with "busy" and does nothing else, while accepted commands are still answered', async () => {
    h.openai.setDelay(400);
    const running = await h.command('users list');
    for (let i = 0; i < 200 && userLists().length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(userLists()).toHaveLength(1);
    const waiting = await h.command('users list');
    const refused = await h.command('users list');

    expect(refused.status).toBe(200);
    const busy = JSON.parse(refused.text) as { text: string; response_type?: string };
    expect(busy.text).toContain('busy');
    expect(busy.text).toContain('Try again shortly');
    expect(busy.response_type ?? 'ephemeral').toBe('ephemeral');
    expect(running.text).toBe('');
    expect(waiting.text).toBe('');

    for (const sent of [running, waiting]) {
      const answer = await h.slack.waitForResponse(sent.responseId);
      expect(messageText(answer)).not.toContain('busy');
    }
    await h.bot.container.inFlight.drain(5_000);
    expect(userLists()).toHaveLength(2);
    expect(h.slack.calls.some((c) => c.method === `response:${refused.responseId}`)).toBe(false);
  });
});
