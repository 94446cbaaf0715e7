import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForState } from '../helpers/approval-outcome.js';
import { requestApproval } from '../helpers/approvals.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';
import { payloadBody, postSigned, SIGNING_SECRET } from '../helpers/slack-requests.js';

describe('App Home', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const openHome = async (userId: string, on: Harness = h) => {
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
    const mark = on.slack.mark();
    const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    const response = await fetch(`${on.botUrl}/slack/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature,
      },
    });
    expect(response.status).toBe(200);
    return on.slack.waitFor(mark, (c) => c.method === 'views.publish' && c.body.user_id === userId);
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

  const clickOnHome = (actionId: string, value: string, userId: string) => {
    const payload = {
      type: 'block_actions',
      user: { id: userId, username: userId.toLowerCase(), team_id: 'T1' },
      api_app_id: 'A1',
      token: 'deprecated',
      team: { id: 'T1', domain: 'acme' },
      container: { type: 'view', view_id: 'VHOME' },
      view: { id: 'VHOME', type: 'home', hash: 'h1' },
      trigger_id: `trigger-home-${Date.now()}`,
      actions: [{ type: 'button', action_id: actionId, block_id: `approval:${value}`, value, action_ts: '1.1' }],
    };
    return postSigned(h.botUrl, payloadBody(payload));
  };

  it('lets an approver approve from Home with the card buttons, then republishes Home for the people concerned', async () => {
    h.openai.state.addUser({ email: 'hal@x.com' });
    const { id } = await requestApproval(h, 'users remove hal@x.com');
    const view = (await openHome(USERS.approver)).body.view as {
      blocks: { elements?: { action_id: string; value: string }[] }[];
    };
    const buttons = view.blocks.flatMap((b) => b.elements ?? []).filter((e) => e.value === id);
    expect(buttons.map((b) => b.action_id)).toEqual(['approval.approve', 'approval.reject']);
    const mark = h.slack.mark();
    expect((await clickOnHome('approval.approve', id, USERS.approver)).status).toBe(200);
    await waitForState(h, id, 'succeeded');
    await h.slack.waitFor(
      mark,
      (c) =>
        c.method === 'views.publish' &&
        c.body.user_id === USERS.admin &&
        JSON.stringify(c.body.view).includes(`${id}\` Remove hal@x.com`) &&
        JSON.stringify(c.body.view).includes('— succeeded'),
    );
    // Both approvers' tabs are published again, no longer offering the decided request.
    for (const approver of [USERS.approver, USERS.approver2]) {
      await h.slack.waitFor(
        mark,
        (c) => c.method === 'views.publish' && c.body.user_id === approver && !JSON.stringify(c.body.view).includes(id),
      );
    }
  });

  it('shows a budget panel of month-to-date spend per project against its spend alerts to those who may see spend', async () => {
    // A bot of its own, so no budget read by an earlier test is still fresh.
    const b = await startHarness();
    try {
      const today = new Date().toISOString().slice(0, 10);
      const project = b.openai.state.addProject({ name: 'Budget Beta' });
      b.openai.state.addCost({ projectId: project.id, day: today, amount: 40 });
      b.openai.state.addSpendAlert({ projectId: project.id, thresholdAmount: 10_000, recipients: ['b@x.com'] });
      const home = JSON.stringify((await openHome(USERS.viewer, b)).body.view);
      expect(home).toContain('*Budget*');
      expect(home).toContain('*Budget Beta*  $40.00  ·  `▓▓▓▓░░░░░░` 40% of $100.00');
      expect(JSON.stringify((await openHome(USERS.stranger, b)).body.view)).not.toContain('*Budget*');
    } finally {
      await b.close();
    }
  });
});
