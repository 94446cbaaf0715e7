import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestApproval } from '../helpers/approvals.js';
import { type Harness, startHarness } from '../helpers/harness.js';

describe('one Slack Web API client', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("is Bolt's client, for the bot's own calls and for listeners alike", () => {
    expect(h.bot.container.slack).toBe(h.bot.app.client);
  });

  it('holds every call while Slack rate-limits one of them, listener and approval card alike', async () => {
    h.slack.rateLimitNext('views.open', 1);
    const start = h.slack.mark();
    const picker = await h.command('');
    expect(picker.status).toBe(200);
    await h.slack.waitFor(start, (call) => call.method === 'views.open');

    const project = h.openai.state.addProject({ name: 'Paused' });
    const { card } = await requestApproval(h, `projects archive ${project.id}`);
    expect(card.body.channel).toBe('CAPPROVALS');
    expect(h.slack.callsWhileLimited.map((call) => call.method)).toEqual([]);
  });
});
