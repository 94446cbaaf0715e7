import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitForState } from '../helpers/approval-outcome.js';
import { approve, latestCard, requestApproval } from '../helpers/approvals.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { clickButton, submitView } from '../helpers/interactions.js';
import { USERS } from '../helpers/policy.js';

describe('approvals through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const deletes = (path: string) => h.openai.requests.filter((r) => r.method === 'DELETE' && r.path === path);

  it('posts a card, changes nothing until approved, then deletes exactly once and rewrites the card', async () => {
    const bob = h.openai.state.addUser({ email: 'bob@x.com', name: 'Bob' });
    const { card, id, reply } = await requestApproval(
      h,
      'users remove <mailto:bob@x.com|bob@x.com> --reason "left the company"',
    );
    expect(messageText(reply)).toContain('Sent for approval: Remove Bob bob@x.com');
    expect(messageText(reply)).toContain('Posted in <#CAPPROVALS>');
    const cardText = JSON.stringify(card.body.blocks);
    expect(cardText).toContain(bob.id);
    expect(cardText).toContain('<@UADMIN>');
    expect(cardText).toContain('left the company');
    expect(cardText).toMatch(/"text":"Approve"/);
    expect(cardText).toMatch(/"text":"Reject"/);
    expect(deletes(`/organization/users/${bob.id}`)).toHaveLength(0);

    const clicked = h.slack.mark();
    const click = await approve(h, card, USERS.approver);
    expect(click.status).toBe(200);
    const done = await waitForState(h, id, 'succeeded');
    expect(done.decided_by).toBe(USERS.approver);
    expect(deletes(`/organization/users/${bob.id}`)).toHaveLength(1);
    // The requester is told after the card is rewritten.
    const told = await h.slack.waitFor(
      clicked,
      (c) => c.method === 'chat.postMessage' && c.body.channel === USERS.admin && JSON.stringify(c.body).includes(id),
    );
    expect(JSON.stringify(told.body.blocks)).toContain('Done');
    const rewritten = latestCard(h, card);
    expect(rewritten).not.toContain('"action_id":"approval.approve"');
    expect(rewritten).toContain(`Approved by <@${USERS.approver}>`);
    const audit = await h.bot.container.store.listAudit({ requestId: id });
    expect(audit.map((a) => a.event)).toEqual(['requested', 'approval', 'approved', 'executed']);
  });

  it('refuses self-approval and approvals from people who are not approvers, changing nothing', async () => {
    h.openai.state.addUser({ email: 'carl@x.com' });
    const { card, id } = await requestApproval(h, 'users remove carl@x.com');
    for (const user of [USERS.admin, USERS.admin2, USERS.viewer, USERS.stranger]) {
      const click = await approve(h, card, user);
      const note = await h.slack.waitForResponse(click.responseId);
      const text = messageText(note);
      expect(text).toMatch(
        user === USERS.admin ? /cannot approve your own request/ : /Only members of the approver role/,
      );
    }
    expect((await h.bot.container.store.get(id))?.state).toBe('pending');
    expect(h.openai.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it('rejects with a reason from the modal; the card and the requester show it', async () => {
    const project = h.openai.state.addProject({ name: 'Old project' });
    const { card, id } = await requestApproval(h, 'projects archive "Old project"');
    expect(JSON.stringify(card.body.blocks)).toContain('cannot be undone');
    const mark = h.slack.mark();
    const click = await clickButton(h, { actionId: 'approval.reject', value: id, userId: USERS.approver });
    expect(click.status).toBe(200);
    const modal = await h.slack.waitFor(mark, (c) => c.method === 'views.open');
    expect(JSON.stringify(modal.body.view)).toContain('Reject request');
    const submitted = await submitView(h, {
      callbackId: 'approval.reject.view',
      userId: USERS.approver,
      privateMetadata: id,
      values: { reason: { value: { type: 'plain_text_input', value: 'still <!channel> in use' } } },
    });
    expect(submitted.status).toBe(200);
    const row = await waitForState(h, id, 'rejected');
    expect(row.decision_reason).toBe('still <!channel> in use');
    // The form is answered before the card is rewritten, so the rewrite may still be on its way.
    await h.slack.waitFor(mark, (c) => c.method === 'chat.update' && JSON.stringify(c.body.blocks).includes(id));
    const text = latestCard(h, card);
    expect(text).toContain('Rejected by <@UAPPROVER>');
    expect(text).toContain('still &lt;!channel&gt; in use');
    expect(h.openai.requests.filter((r) => r.path === `/organization/projects/${project.id}/archive`)).toHaveLength(0);
  });

  it('says so and changes nothing when a decided request is clicked again', async () => {
    h.openai.state.addUser({ email: 'dan@x.com' });
    const { card, id } = await requestApproval(h, 'users remove dan@x.com');
    await approve(h, card, USERS.approver);
    await waitForState(h, id, 'succeeded');
    const again = await approve(h, card, USERS.approver2);
    const note = await h.slack.waitForResponse(again.responseId);
    expect(messageText(note)).toContain('already approved and done');
    expect(h.openai.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('executes once when 50 approvers click Approve at the same moment', async () => {
    h.openai.state.addUser({ email: 'eve@x.com' });
    const { card, id } = await requestApproval(h, 'users remove eve@x.com');
    const clicks = await Promise.all(
      Array.from({ length: 50 }, (_, i) => approve(h, card, i % 2 === 0 ? USERS.approver : USERS.approver2)),
    );
    expect(clicks.every((c) => c.status === 200)).toBe(true);
    await waitForState(h, id, 'succeeded');
    await h.bot.container.inFlight.drain(5_000);
    expect(h.openai.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('lets the requester cancel their own pending request, and nobody else', async () => {
    h.openai.state.addUser({ email: 'fay@x.com' });
    const { id } = await requestApproval(h, 'users remove fay@x.com');
    const other = await h.ask(`approvals cancel ${id}`, USERS.admin2);
    expect(messageText(other)).toContain('Only the person who asked may cancel');
    const mine = await h.ask(`approvals cancel ${id}`, USERS.admin);
    expect(messageText(mine)).toContain(`Cancelled request ${id}`);
    expect((await h.bot.container.store.get(id))?.state).toBe('cancelled');
  });

  it('marks the failure with OpenAI’s words when the Admin API fails during execution', async () => {
    const gus = h.openai.state.addUser({ email: 'gus@x.com' });
    const { card, id } = await requestApproval(h, 'users remove gus@x.com');
    h.openai.fail({ method: 'DELETE', path: `/organization/users/${gus.id}`, status: 500 });
    const clicked = h.slack.mark();
    await approve(h, card, USERS.approver);
    const row = await waitForState(h, id, 'failed');
    expect(JSON.stringify(row.error)).toContain('internal error');
    const told = await h.slack.waitFor(
      clicked,
      (c) => c.method === 'chat.postMessage' && c.body.channel === USERS.admin && JSON.stringify(c.body).includes(id),
    );
    expect(messageText(told)).toContain('but it failed');
    expect(latestCard(h, card)).toContain('but it failed');
    expect(h.openai.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('lists pending requests with the ones awaiting me first, and shows history', async () => {
    h.openai.state.addUser({ email: 'hal@x.com' });
    h.openai.state.addUser({ email: 'ida@x.com' });
    const { id } = await requestApproval(h, 'users remove hal@x.com');
    const { id: withdrawn } = await requestApproval(h, 'users remove ida@x.com');
    await h.ask(`approvals cancel ${withdrawn}`, USERS.admin);
    const list = await h.ask('approvals', USERS.approver);
    expect(messageText(list)).toContain(id);
    expect(messageText(list)).toContain('awaiting you');
    expect(messageText(list)).not.toContain(withdrawn);
    const history = messageText(await h.ask('approvals history --limit 1', USERS.viewer));
    expect(history).toContain('Last 1 decision');
    expect(history).toContain(withdrawn);
    expect(history).toContain('cancelled');
    expect(history).toContain(`by ${USERS.admin}`);
    expect(history).not.toContain(id);
    const shown = await h.ask(`approvals show ${id}`, USERS.viewer);
    expect(messageText(shown)).toContain('requested');
    expect(messageText(shown)).toContain('by UADMIN');
    const bad = await h.ask('approvals show nope', USERS.viewer);
    expect(messageText(bad)).toContain('"nope" is not a request id (req_…).');
  });
});
