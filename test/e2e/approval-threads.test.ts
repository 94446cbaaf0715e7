import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitForState } from '../helpers/approval-outcome.js';
import { approve, latestCard, requestApproval } from '../helpers/approvals.js';
import type { SlackCall } from '../helpers/fake-slack.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { clickButton, submitView } from '../helpers/interactions.js';
import { APPROVAL_CHANNEL, USERS } from '../helpers/policy.js';

describe('status changes in the card thread and a linked requester note', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const cardTsOf = (id: string): string => {
    const card = [...h.slack.messages.values()].find(
      (m) => m.channel === APPROVAL_CHANNEL && !m.thread_ts && JSON.stringify(m.blocks).includes(id),
    );
    if (!card) throw new Error(`no card holds ${id}`);
    return card.ts;
  };
  const threadOf = (ts: string): SlackCall[] =>
    h.slack.callsTo('chat.postMessage').filter((c) => c.body.channel === APPROVAL_CHANNEL && c.body.thread_ts === ts);

  it('replies under the card for each change while rewriting the card in place, and links the card for the requester', async () => {
    h.openai.state.addUser({ email: 'rue@x.com', name: 'Rue' });
    const { card, id } = await requestApproval(h, 'users remove rue@x.com');
    const ts = cardTsOf(id);
    expect(threadOf(ts)).toHaveLength(0);
    const clicked = h.slack.mark();
    await approve(h, card, USERS.approver);
    await waitForState(h, id, 'succeeded');
    const told = await h.slack.waitFor(
      clicked,
      (c) => c.method === 'chat.postMessage' && c.body.channel === USERS.admin && JSON.stringify(c.body).includes(id),
    );
    const replies = threadOf(ts).map(messageText);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toContain(`Approved by <@${USERS.approver}>`);
    expect(replies[0]).toContain('running now');
    expect(replies[1]).toContain('Done.');
    const updates = h.slack.callsSince(clicked).filter((c) => c.method === 'chat.update' && c.body.ts === ts);
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(latestCard(h, card)).toContain('Approved and done');
    const permalink = `https://fake.slack.com/archives/${APPROVAL_CHANNEL}/p${ts.replace('.', '')}`;
    expect(messageText(told)).toContain(`<${permalink}|View the card>`);
  });

  it('records a rejection with its reason in the thread', async () => {
    const project = h.openai.state.addProject({ name: 'Spare' });
    const { id } = await requestApproval(h, `projects archive ${project.id}`);
    const ts = cardTsOf(id);
    const mark = h.slack.mark();
    await clickButton(h, { actionId: 'approval.reject', value: id, userId: USERS.approver });
    await h.slack.waitFor(mark, (c) => c.method === 'views.open');
    await submitView(h, {
      callbackId: 'approval.reject.view',
      userId: USERS.approver,
      privateMetadata: id,
      values: { reason: { value: { type: 'plain_text_input', value: 'not now' } } },
    });
    const reply = await h.slack.waitFor(
      mark,
      (c) => c.method === 'chat.postMessage' && c.body.channel === APPROVAL_CHANNEL && c.body.thread_ts === ts,
    );
    expect(messageText(reply)).toContain(`Rejected by <@${USERS.approver}>`);
    expect(messageText(reply)).toContain('not now');
    expect(threadOf(ts)).toHaveLength(1);
  });
});
