import { afterEach, describe, expect, it } from 'vitest';
import { approve, latestCard, requestApproval } from '../helpers/approvals.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { APPROVAL_CHANNEL, USERS } from '../helpers/policy.js';

const policy = (extra: string) => `approval_channel: ${APPROVAL_CHANNEL}
roles:
  admin: [${USERS.admin}, S0ADMINS]
  approver: [${USERS.approver}, ${USERS.approver2}, S0APPROVERS]
  viewer: ["*"]
${extra}`;

describe('approval policy', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('expires a request after its lifetime, rewrites the card and refuses later clicks', async () => {
    let offsetMs = 0;
    h = await startHarness({
      policy: policy('approvals:\n  expires_after: 2h\n'),
      start: { now: () => new Date(Date.now() + offsetMs) },
    });
    h.openai.state.addUser({ email: 'lou@x.com' });
    const { card, id } = await requestApproval(h, 'users remove lou@x.com');
    offsetMs = 2 * 3_600_000 + 1_000;
    await h.bot.container.sweeper.sweep();
    expect((await h.bot.container.store.get(id))?.state).toBe('expired');
    expect(latestCard(h, card)).toContain('Expired');
    expect(latestCard(h, card)).not.toContain('approval.approve');
    const click = await approve(h, card, USERS.approver);
    const note = await h.slack.waitForResponse(click.responseId);
    expect(messageText(note)).toContain('expired');
    expect(h.openai.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it('needs N distinct approvals when the policy says so, and the card counts them', async () => {
    h = await startHarness({ policy: policy('operations:\n  users.remove:\n    approvals: 2\n') });
    const mia = h.openai.state.addUser({ email: 'mia@x.com' });
    const { card, id } = await requestApproval(h, 'users remove mia@x.com');
    const first = await approve(h, card, USERS.approver);
    const note = await h.slack.waitForResponse(first.responseId);
    expect(messageText(note)).toContain('Approval recorded (1 of 2)');
    const again = await approve(h, card, USERS.approver);
    const twice = await h.slack.waitForResponse(again.responseId);
    expect(messageText(twice)).toContain('already approved');
    expect((await h.bot.container.store.get(id))?.state).toBe('pending');
    expect(latestCard(h, card)).toContain('1 of 2');
    await approve(h, card, USERS.approver2);
    await h.bot.container.inFlight.drain(5_000);
    expect((await h.bot.container.store.get(id))?.state).toBe('succeeded');
    expect(h.openai.requests.filter((r) => r.method === 'DELETE' && r.path.endsWith(mia.id))).toHaveLength(1);
  });

  it('counts members of a Slack user group named in a role', async () => {
    h = await startHarness({ policy: policy('') });
    h.slack.userGroups.set('S0APPROVERS', ['UGROUPIE']);
    h.slack.userGroups.set('S0ADMINS', ['UGROUPADMIN']);
    h.openai.state.addUser({ email: 'ned@x.com' });
    const { card, id } = await requestApproval(h, 'users remove ned@x.com', 'UGROUPADMIN');
    await approve(h, card, 'UGROUPIE');
    await h.bot.container.inFlight.drain(5_000);
    expect((await h.bot.container.store.get(id))?.state).toBe('succeeded');
  });

  it('requires approval for a write operation when a rule says so, and restricts commands to channels', async () => {
    h = await startHarness({
      policy: policy(
        'operations:\n  invites.create:\n    require_approval: true\n  "users.*":\n    channels: [COPS]\n',
      ),
    });
    const { id } = await requestApproval(h, 'invite ola@x.com');
    expect(id).toMatch(/^req_/);
    expect(h.openai.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    const elsewhere = await h.command('users list', USERS.viewer, { channelId: 'CRANDOM' });
    const reply = await h.slack.waitForAnswer(elsewhere.responseId);
    expect(messageText(reply)).toContain('users.list may only be used in these channels: COPS');
  });

  it('keeps a resource rule’s channel restriction when the operation has its own rule', async () => {
    h = await startHarness({
      policy: policy('operations:\n  "users.*":\n    channels: [COPS]\n  users.remove:\n    approvals: 2\n'),
    });
    h.openai.state.addUser({ email: 'max@x.com' });
    const elsewhere = await h.command('users remove max@x.com', USERS.admin, { channelId: 'CRANDOM' });
    const reply = await h.slack.waitForAnswer(elsewhere.responseId);
    expect(messageText(reply)).toContain('users.remove may only be used in these channels: COPS');
    expect(await h.bot.container.store.listByState(['pending'])).toEqual([]);
  });

  it('lets the approver role be changed per operation', async () => {
    h = await startHarness({ policy: policy('operations:\n  projects.archive:\n    approver_role: admin\n') });
    h.openai.state.addProject({ name: 'Temp' });
    const { card } = await requestApproval(h, 'projects archive Temp');
    const click = await approve(h, card, USERS.approver);
    const note = await h.slack.waitForResponse(click.responseId);
    expect(messageText(note)).toContain('Only members of the admin role');
  });
});
