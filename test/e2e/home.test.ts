import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestApproval } from '../helpers/approvals.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';
import { SIGNING_SECRET } from '../helpers/slack-requests.js';

describe('App Home', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const openHome = async (userId: string) => {
    const body = JSON.stringify({
      token: 'deprecated',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: `Ev${Date.now()}${userId}`,
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_home_opened', user: userId, channel: 'D1', tab: 'home', event_ts: '1.1' },
    });
    const ts = Math.floor(Date.now() / 1000);
    const mark = h.slack.mark();
    const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    const response = await fetch(`${h.botUrl}/slack/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature,
      },
    });
    expect(response.status).toBe(200);
    return h.slack.waitFor(mark, (c) => c.method === 'views.publish' && c.body.user_id === userId);
  };

  it('shows an approver the requests awaiting them and a requester their own', async () => {
    h.openai.state.addUser({ email: 'pat@x.com' });
    const { id } = await requestApproval(h, 'users remove pat@x.com');
    const approverHome = JSON.stringify((await openHome(USERS.approver)).body.view);
    expect(approverHome).toContain('Awaiting your approval');
    expect(approverHome).toContain(id);
    const requesterHome = JSON.stringify((await openHome(USERS.admin)).body.view);
    expect(requesterHome).toContain('Nothing is waiting for you.');
    expect(requesterHome).toContain(id);
  });

  it('shows a member the time-bound access they hold, with the time left', async () => {
    const alpha = h.openai.state.addProject({ name: 'Home Alpha' });
    h.openai.state.addUser({ email: 'gus@x.com' });
    h.slack.users.set('UGUS', { id: 'UGUS', email: 'gus@x.com' });
    await h.ask('members add "Home Alpha" gus@x.com --for 3h');
    const home = messageText({
      method: '',
      body: (await openHome('UGUS')).body.view as Record<string, unknown>,
      headers: {},
      at: 0,
    });
    expect(home).toContain('Your time-bound access');
    // A few milliseconds pass between giving the access and opening the tab.
    expect(home).toMatch(new RegExp(`member of project Home Alpha \\(${alpha.id}\\) — (3h|2h 59m) left`));
    expect(JSON.stringify((await openHome(USERS.approver)).body.view)).not.toContain('Your time-bound access');
  });
});
