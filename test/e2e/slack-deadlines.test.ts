import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitForState } from '../helpers/approval-outcome.js';
import { latestCard, requestApproval } from '../helpers/approvals.js';
import type { SlackMark } from '../helpers/fake-slack.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { clickButton, submitView } from '../helpers/interactions.js';
import { APPROVAL_CHANNEL, USERS } from '../helpers/policy.js';
import { typeInSelect } from '../helpers/view-interactions.js';

const POLICY = `approval_channel: ${APPROVAL_CHANNEL}
roles:
  admin: [${USERS.admin}, ${USERS.admin2}]
  approver: [S0APPROVERS]
  viewer: [${USERS.viewer}]
operations:
  "projects.list":
    channels: [COPS]
`;

type AckedView = { response_action?: string; view?: { blocks?: unknown[]; title?: { text: string } } };

const email = (value: string) => ({ value: { type: 'email_text_input', value } });
const reason = (value: string) => ({ reason: { value: { type: 'plain_text_input', value } } });

describe('Slack deadlines and private answers through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ policy: POLICY });
    h.slack.userGroups.set('S0APPROVERS', [USERS.approver, USERS.approver2]);
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.openai.reset();
    h.slack.delay('chat.update', 0);
    h.slack.delay('usergroups.users.list', 0);
  });

  const submitForm = (operation: string, values: Record<string, Record<string, unknown>>, channelId = 'COPS') =>
    submitView(h, {
      callbackId: 'operation.view',
      userId: USERS.admin,
      privateMetadata: JSON.stringify({ operation, channelId }),
      values,
    });

  const viewsUpdatedAfter = (after: SlackMark, text: string) =>
    h.slack.waitFor(after, (c) => c.method === 'views.update' && JSON.stringify(c.body).includes(text), 10_000);

  it('answers the reject form with a progress view before the card is rewritten, then shows the outcome', async () => {
    h.openai.state.addProject({ name: 'Slow card' });
    const { card, id } = await requestApproval(h, 'projects archive "Slow card"');
    h.slack.delay('chat.update', 4_000);
    const start = h.slack.mark();
    const submitted = await submitView(h, {
      callbackId: 'approval.reject.view',
      userId: USERS.approver,
      privateMetadata: id,
      values: reason('not now'),
    });
    const ackedAt = Date.now();
    expect(submitted.status).toBe(200);
    const answer = JSON.parse(submitted.text || '{}') as AckedView;
    expect(answer.response_action).toBe('update');
    expect(JSON.stringify(answer.view)).toContain('Rejecting request');
    const cardUpdatesAnsweredBeforeAck = h.slack
      .callsSince(start)
      .filter((c) => c.method === 'chat.update' && c.answeredAt !== undefined && c.answeredAt <= ackedAt);
    expect(cardUpdatesAnsweredBeforeAck).toEqual([]);
    const row = await waitForState(h, id, 'rejected');
    expect(row.decision_reason).toBe('not now');
    const outcome = await viewsUpdatedAfter(start, `Rejected request ${id}`);
    expect(outcome.body.view_id).toMatch(/^V\d+$/);
    await h.slack.waitFor(start, (c) => c.method === 'chat.update' && c.answeredAt !== undefined, 10_000);
    expect(latestCard(h, card)).toContain('Rejected by <@UAPPROVER>');
  });

  it('shows a refused rejection in the form that was already answered', async () => {
    h.openai.state.addProject({ name: 'Own' });
    const { id } = await requestApproval(h, 'projects archive Own');
    const start = h.slack.mark();
    const submitted = await submitView(h, {
      callbackId: 'approval.reject.view',
      userId: USERS.viewer,
      privateMetadata: id,
      values: reason('no'),
    });
    expect((JSON.parse(submitted.text || '{}') as AckedView).response_action).toBe('update');
    const refusal = await viewsUpdatedAfter(start, 'Only members of the approver role');
    expect(refusal.body.view_id).toMatch(/^V\d+$/);
    expect((await h.bot.container.store.get(id))?.state).toBe('pending');
  });

  it('opens the reject form with its trigger before looking up who may reject', async () => {
    // A bot of its own, so no earlier test has the user group's members cached.
    const fresh = await startHarness({ policy: POLICY });
    try {
      fresh.slack.userGroups.set('S0APPROVERS', [USERS.approver]);
      fresh.openai.state.addProject({ name: 'Grouped' });
      const { id } = await requestApproval(fresh, 'projects archive Grouped');
      fresh.slack.delay('usergroups.users.list', 3_500);
      const start = fresh.slack.mark();
      const click = await clickButton(fresh, { actionId: 'approval.reject', value: id, userId: USERS.approver });
      expect(click.status).toBe(200);
      const opened = await fresh.slack.waitFor(start, (c) => c.method === 'views.open');
      // The form opens before any other call the click leads to, a user-group lookup included.
      expect(fresh.slack.callsSince(start)[0]).toBe(opened);
      expect(JSON.stringify(opened.body.view)).toContain('Reject request');
    } finally {
      await fresh.close();
    }
  });

  it('turns the opened reject form into the refusal when the clicker may not reject', async () => {
    h.openai.state.addProject({ name: 'Mine' });
    const { id } = await requestApproval(h, 'projects archive Mine');
    const start = h.slack.mark();
    await clickButton(h, { actionId: 'approval.reject', value: id, userId: USERS.admin2 });
    const opened = await h.slack.waitFor(start, (c) => c.method === 'views.open');
    const refusal = await viewsUpdatedAfter(start, 'Only members of the approver role');
    expect(refusal.body.view_id).toMatch(/^V\d+$/);
    expect(JSON.stringify(refusal.body.view)).not.toContain('"submit"');
    expect(opened.body.trigger_id).toMatch(/^trigger-/);
    expect((await h.bot.container.store.get(id))?.state).toBe('pending');
  });

  it('never answers a form with an empty set of field errors', async () => {
    const answer = await submitForm('no-such.operation', {});
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.text || '{}') as AckedView & { errors?: Record<string, string> };
    expect(body.response_action).not.toBe('errors');
    expect(JSON.stringify(body.view)).toContain('This form is out of date');
    expect(h.openai.requests).toHaveLength(0);
  });

  for (const error of ['channel_not_found', 'not_in_channel']) {
    it(`sends a form result by direct message when the channel refuses it (${error})`, async () => {
      h.slack.failNext('chat.postEphemeral', error);
      const start = h.slack.mark();
      const answer = await submitForm('invites.create', { email: email(`${error}@x.com`) }, 'CNOBOT');
      expect(answer.status).toBe(200);
      const dm = await h.slack.waitFor(start, (c) => c.method === 'chat.postMessage' && c.body.channel === USERS.admin);
      expect(messageText(dm)).toContain(`Invited ${error}@x.com`);
    });
  }

  it('suggests projects only in the channels where listing them is allowed', async () => {
    const research = h.openai.state.addProject({ name: 'Research' });
    const typed = { userId: USERS.viewer, actionId: 'suggest.project', blockId: 'project', value: 'res' };
    const elsewhere = await typeInSelect(h, {
      ...typed,
      privateMetadata: JSON.stringify({ operation: 'projects.archive', channelId: 'CRANDOM' }),
    });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.options).toEqual([]);
    const here = await typeInSelect(h, {
      ...typed,
      privateMetadata: JSON.stringify({ operation: 'projects.archive', channelId: 'COPS' }),
    });
    expect(here.options.map((o) => o.value)).toEqual([research.id]);
  });
});
