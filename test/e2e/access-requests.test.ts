import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitForState, writeCalls, writesTo } from '../helpers/approval-outcome.js';
import { approve, requestApproval } from '../helpers/approvals.js';
import type { SlackMark } from '../helpers/fake-slack.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { APPROVAL_CHANNEL, MINIMAL_POLICY, USERS } from '../helpers/policy.js';

const HOUR = 3_600_000;
const SECURITY = 'CSECURITY';
const POLICY = `${MINIMAL_POLICY}grants:
  access_requests:
    roles:
      owner:
        max_duration: 1d
    projects:
      Vault:
        max_duration: 8h
        approver_role: admin
        channel: ${SECURITY}
`;

describe('self-service access requests through the real app', () => {
  let h: Harness;
  let clock = Date.parse('2026-04-01T08:00:00Z');
  beforeAll(async () => {
    h = await startHarness({ policy: POLICY, start: { now: () => new Date(clock), grantTimer: false } });
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    // Requests a test left pending would otherwise show up in the next one's checks.
    for (const left of await h.bot.container.store.listByState(['pending'])) {
      await h.bot.container.store.transition(left.id, 'pending', 'cancelled');
    }
    // So do grants a test left active: let them all expire against that test's state.
    clock += 30 * 24 * HOUR;
    await h.bot.container.grantExpirer.tick();
    h.openai.reset();
    h.slack.users.set(USERS.stranger, { id: USERS.stranger, email: 'Sam@X.com' });
    h.slack.users.set(USERS.approver, { id: USERS.approver, email: 'apu@x.com' });
  });

  const dmsTo = (channel: string, since: SlackMark) =>
    h.slack
      .callsSince(since)
      .filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel)
      .map(messageText);
  const pending = () => h.bot.container.store.listByState(['pending']);

  it('request → approve → added → expiry → removed exactly once, the requester told each outcome', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const sam = h.openai.state.addUser({ email: 'sam@x.com' });
    const seen = h.slack.mark();
    const { card, id, reply } = await requestApproval(
      h,
      'access request Alpha --for 4h --reason "debug prod"',
      USERS.stranger,
    );
    expect(messageText(reply)).toContain('Sent for approval: Give sam@x.com member access to project Alpha for 4h');
    const cardText = messageText(card);
    expect(cardText).toContain('as they asked for themselves');
    expect(cardText).toContain('Project role now: no access; after: member');
    expect(cardText).toContain('debug prod');
    expect(writesTo(h)).toHaveLength(0);

    clock += 10 * 60_000;
    await approve(h, card, USERS.approver);
    await waitForState(h, id, 'succeeded');
    expect(h.openai.state.projects.get(alpha.id)?.members.get(sam.id)?.role).toBe('member');
    const outcome = await h.slack.waitFor(
      seen,
      (c) => c.method === 'chat.postMessage' && c.body.channel === USERS.stranger && messageText(c).includes(id),
    );
    expect(messageText(outcome)).toContain('sam@x.com now has member access to project Alpha.');
    expect(messageText(outcome)).toMatch(/Time-bound: ends \d{4}-\d\d-\d\d \d\d:\d\d UTC \(in 4h\)/);

    expect(await h.bot.container.grantExpirer.tick()).toBe(0);
    clock += 4 * HOUR;
    expect(await h.bot.container.grantExpirer.tick()).toBe(1);
    clock += HOUR;
    expect(await h.bot.container.grantExpirer.tick()).toBe(0);
    expect(writeCalls(h).map((c) => c.call)).toEqual([
      `POST /organization/projects/${alpha.id}/users`,
      `DELETE /organization/projects/${alpha.id}/users/${sam.id}`,
    ]);
    const told = dmsTo(USERS.stranger, seen).filter((t) => t.includes('expired'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('expired: removed from the project.');
    // The approver gave it, so the approver hears that it ended too.
    expect(dmsTo(USERS.approver, seen).filter((t) => t.includes('expired'))).toEqual(told);
    const grant = await h.bot.container.store.grants.getGrant(/(grant_[a-f0-9]+)/.exec(told[0] ?? '')?.[1] ?? '');
    expect(grant?.request_id).toBe(id);
  });

  it('refuses the requester approving their own access request, changing nothing', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const apu = h.openai.state.addUser({ email: 'apu@x.com' });
    const { card, id } = await requestApproval(h, 'access request Alpha owner --for 2h', USERS.approver);
    const click = await approve(h, card, USERS.approver);
    const note = await h.slack.waitForResponse(click.responseId);
    expect(messageText(note)).toContain('You cannot approve your own request');
    expect((await h.bot.container.store.get(id))?.state).toBe('pending');
    expect(writesTo(h)).toHaveLength(0);
    expect(h.openai.state.projects.get(alpha.id)?.members.has(apu.id)).toBe(false);
  });

  it('tells a member who already has the access so, and files nothing', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const sam = h.openai.state.addUser({ email: 'sam@x.com' });
    h.openai.state.addProjectUser(alpha.id, { userId: sam.id, role: 'owner' });
    const text = messageText(await h.ask('access request Alpha member --for 1h', USERS.stranger));
    expect(text).toContain('You already have owner access to project Alpha; nothing was filed.');
    expect(await pending()).toEqual([]);
  });

  it('files nothing for another member when the Admin API ignores the email filter and the requester has no account', async () => {
    h.openai.state.ignoresEmailFilter = true;
    h.openai.state.addProject({ name: 'Alpha' });
    h.openai.state.addUser({ email: 'ann@x.com' });
    const text = messageText(await h.ask('access request Alpha --for 1h', USERS.stranger));
    expect(text).toContain('No member of the OpenAI organization has your Slack email sam@x.com');
    expect(await pending()).toEqual([]);
  });

  it('asks someone with no OpenAI account for their Slack email to get an invite first', async () => {
    h.openai.state.addProject({ name: 'Alpha' });
    const text = messageText(await h.ask('access request Alpha --for 1h', USERS.stranger));
    expect(text).toContain(
      'No member of the OpenAI organization has your Slack email sam@x.com; ask an admin for an invite',
    );
    h.slack.users.delete(USERS.viewer);
    const noEmail = messageText(await h.ask('access request Alpha --for 1h', USERS.viewer));
    expect(noEmail).toContain('Slack shows no email address for you');
    expect(await pending()).toEqual([]);
  });

  it('routes a project by the policy: its maximum, its approver role and its channel', async () => {
    const vault = h.openai.state.addProject({ name: 'Vault' });
    const sam = h.openai.state.addUser({ email: 'sam@x.com' });
    expect(messageText(await h.ask('access request Vault --for 1d', USERS.stranger))).toContain(
      '--for 1d is longer than the policy allows; the most is 8h.',
    );
    const before = h.slack.mark();
    await h.ask('access request Vault --for 2h', USERS.stranger);
    const card = await h.slack.waitFor(before, (c) => c.method === 'chat.postMessage' && c.body.channel === SECURITY);
    expect(h.slack.callsSince(before).some((c) => c.body.channel === APPROVAL_CHANNEL)).toBe(false);
    const [request] = await pending();
    expect(request?.approver_role).toBe('admin');
    const refused = await approve(h, card, USERS.approver);
    expect(messageText(await h.slack.waitForResponse(refused.responseId))).toContain('Only members of the admin role');
    await approve(h, card, USERS.admin);
    await waitForState(h, request?.id as string, 'succeeded');
    expect(h.openai.state.projects.get(vault.id)?.members.get(sam.id)?.role).toBe('member');
  });

  it('bounds owner requests by the role maximum and restores the member role at expiry', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const sam = h.openai.state.addUser({ email: 'sam@x.com' });
    h.openai.state.addProjectUser(alpha.id, { userId: sam.id, role: 'member' });
    expect(messageText(await h.ask('access request Alpha owner --for 2d', USERS.stranger))).toContain(
      'the most is 1d.',
    );
    const { card, id } = await requestApproval(h, 'access request Alpha owner --for 3h', USERS.stranger);
    expect(messageText(card)).toContain('Project role now: member; after: owner');
    await approve(h, card, USERS.approver);
    await waitForState(h, id, 'succeeded');
    expect(h.openai.state.projects.get(alpha.id)?.members.get(sam.id)?.role).toBe('owner');
    clock += 3 * HOUR;
    expect(await h.bot.container.grantExpirer.tick()).toBe(1);
    expect(writeCalls(h)).toEqual([
      { call: `POST /organization/projects/${alpha.id}/users/${sam.id}`, body: { role: 'owner' } },
      { call: `POST /organization/projects/${alpha.id}/users/${sam.id}`, body: { role: 'member' } },
    ]);
  });
});
