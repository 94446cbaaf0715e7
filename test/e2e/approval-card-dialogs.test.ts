import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitForState } from '../helpers/approval-outcome.js';
import { approve, requestApproval } from '../helpers/approvals.js';
import type { SlackCall } from '../helpers/fake-slack.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { MINIMAL_POLICY, USERS } from '../helpers/policy.js';

interface CardButton {
  action_id: string;
  value: string;
  accessibility_label?: string;
  confirm?: { title: { text: string }; text: { text: string }; confirm: { text: string }; deny: { text: string } };
}

const buttonsOf = (card: SlackCall): CardButton[] =>
  (card.body.blocks as { elements?: CardButton[] }[]).flatMap((b) => b.elements ?? []);

const button = (card: SlackCall, actionId: string): CardButton => {
  const found = buttonsOf(card).find((b) => b.action_id === actionId);
  if (!found) throw new Error(`the card has no ${actionId} button`);
  return found;
};

describe('approval card buttons', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      policy: `${MINIMAL_POLICY}operations:\n  invites.create:\n    require_approval: true\n`,
    });
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  it('asks for confirmation restating the action before approving a destructive request', async () => {
    h.openai.state.addUser({ email: 'dora@x.com', name: 'Dora' });
    const { card, id } = await requestApproval(h, 'users remove dora@x.com');
    const approveButton = button(card, 'approval.approve');
    expect(approveButton.confirm?.title.text).toBe(`Approve request ${id}?`);
    expect(approveButton.confirm?.text.text).toContain('Remove Dora dora@x.com');
    expect(approveButton.confirm?.confirm.text).toBe('Approve and run');
    expect(approveButton.confirm?.deny.text).toBe('Cancel');
    // Slack shows the dialog; the click it sends afterwards is an ordinary block action.
    await approve(h, card, USERS.approver);
    await waitForState(h, id, 'succeeded');
  });

  it('names the request each button decides for screen readers', async () => {
    h.openai.state.addUser({ email: 'emil@x.com', name: 'Emil' });
    const { card, id } = await requestApproval(h, 'users remove emil@x.com');
    expect(button(card, 'approval.approve').accessibility_label).toBe(`Approve request ${id}, users.remove`);
    expect(button(card, 'approval.reject').accessibility_label).toBe(`Reject request ${id}, users.remove`);
    for (const b of buttonsOf(card)) expect(b.accessibility_label?.length).toBeLessThanOrEqual(75);
  });

  it('approves a write that the policy sends for approval without a dialog, still labelled', async () => {
    const { card, id } = await requestApproval(h, 'invite fay@x.com reader');
    expect(button(card, 'approval.approve').confirm).toBeUndefined();
    expect(button(card, 'approval.approve').accessibility_label).toBe(`Approve request ${id}, invites.create`);
  });
});
