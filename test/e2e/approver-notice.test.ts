import { afterEach, describe, expect, it } from 'vitest';
import { approve, latestCard, requestApproval } from '../helpers/approvals.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { APPROVAL_CHANNEL, USERS } from '../helpers/policy.js';

const policy = (extra: string) => `approval_channel: ${APPROVAL_CHANNEL}
roles:
  admin: [${USERS.admin}]
  approver: [${USERS.approver}, ${USERS.approver2}, ${USERS.admin}, S0APPROVERS]
  viewer: ["*"]
${extra}`;

describe('approvers hear of requests as the policy says', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('mentions the approver user group and members on the card by default, never the requester', async () => {
    h = await startHarness({ policy: policy('') });
    h.openai.state.addUser({ email: 'ola@x.com' });
    const { card } = await requestApproval(h, 'users remove ola@x.com', USERS.admin);
    const text = JSON.stringify(card.body.blocks);
    expect(text).toContain(`Awaiting approval from <!subteam^S0APPROVERS> <@${USERS.approver}> <@${USERS.approver2}>`);
    expect(text).not.toContain(`<@${USERS.admin}> <`);
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.body.channel === USERS.approver)).toHaveLength(0);
  });

  it('shows on a pending card who has approved so far, and drops the mention once decided', async () => {
    h = await startHarness({ policy: policy('operations:\n  users.remove:\n    approvals: 2\n') });
    h.openai.state.addUser({ email: 'pia@x.com' });
    const { card, id } = await requestApproval(h, 'users remove pia@x.com', USERS.admin);
    expect(JSON.stringify(card.body.blocks)).toContain('*Approvals*\\n0 of 2 (approver role)');
    const first = await approve(h, card, USERS.approver);
    await h.slack.waitForResponse(first.responseId);
    expect(latestCard(h, card)).toContain(`*Approvals*\\n1 of 2: <@${USERS.approver}> (approver role)`);
    expect(latestCard(h, card)).toContain('Awaiting approval from');
    await approve(h, card, USERS.approver2);
    await h.bot.container.inFlight.drain(5_000);
    expect((await h.bot.container.store.get(id))?.state).toBe('succeeded');
    expect(latestCard(h, card)).toContain(`2 of 2: <@${USERS.approver}>, <@${USERS.approver2}>`);
    expect(latestCard(h, card)).not.toContain('Awaiting approval from');
  });

  it('sends each approver, group members included, a direct message linking the card when the policy says dm', async () => {
    h = await startHarness({
      policy: policy('approvals:\n  notify: dm\n'),
      beforeStart: (slack) => slack.userGroups.set('S0APPROVERS', ['UGROUPIE', USERS.approver]),
    });
    h.openai.state.addUser({ email: 'quin@x.com' });
    const mark = h.slack.mark();
    const { card, id } = await requestApproval(h, 'users remove quin@x.com', USERS.admin);
    expect(JSON.stringify(card.body.blocks)).not.toContain('Awaiting approval from');
    const cardTs = [...h.slack.messages.values()].find(
      (m) => m.channel === APPROVAL_CHANNEL && JSON.stringify(m.blocks).includes(id),
    )?.ts;
    const permalink = `https://fake.slack.com/archives/${APPROVAL_CHANNEL}/p${cardTs?.replace('.', '')}`;
    for (const user of [USERS.approver, USERS.approver2, 'UGROUPIE']) {
      const dm = await h.slack.waitFor(
        mark,
        (c) => c.method === 'chat.postMessage' && c.body.channel === user && JSON.stringify(c.body).includes(id),
      );
      expect(messageText(dm)).toContain(`<${permalink}|Open the card>`);
      expect(messageText(dm)).toContain(`<@${USERS.admin}> asks for approval`);
    }
    const dmsTo = (user: string) =>
      h?.slack
        .callsSince(mark)
        .filter(
          (c) => c.method === 'chat.postMessage' && c.body.channel === user && JSON.stringify(c.body).includes(id),
        );
    expect(dmsTo(USERS.approver)).toHaveLength(1);
    expect(dmsTo(USERS.admin)).toHaveLength(0);
  });

  it('refuses an unknown notify mode at start, naming the key', async () => {
    await expect(startHarness({ policy: policy('approvals:\n  notify: pager\n') })).rejects.toThrow(
      /approvals\.notify.*must be mention or dm/s,
    );
  });
});
