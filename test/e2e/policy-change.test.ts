import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForState } from '../helpers/approval-outcome.js';
import { approve, latestCard, requestApproval, waitForCardText } from '../helpers/approvals.js';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { ADMIN_KEY, type Harness, messageText, startHarness } from '../helpers/harness.js';
import { clickButton, submitView } from '../helpers/interactions.js';
import { APPROVAL_CHANNEL, USERS } from '../helpers/policy.js';

const policy = (admins: string[], extra = '') => `approval_channel: ${APPROVAL_CHANNEL}
roles:
  admin: [${admins.join(', ')}]
  approver: [${USERS.approver}, ${USERS.approver2}]
  viewer: ["*"]
${extra}`;

/** A request filed under one policy file, decided after the bot restarted with a tighter one. */
describe('a policy tightened while a request is pending', () => {
  let slack: FakeSlack;
  let openai: FakeAdminApi;
  let dir: string;
  const bots: Harness[] = [];

  beforeEach(async () => {
    slack = await new FakeSlack().start();
    openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
    dir = mkdtempSync(join(tmpdir(), 'policy-change-'));
  });
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.close();
    await slack.close();
    await openai.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const startWith = async (policyText: string) => {
    const bot = await startHarness({
      policy: policyText,
      slack,
      openai,
      env: { DATABASE_URL: `sqlite:${dir}/bot.db` },
    });
    bots.push(bot);
    return bot;
  };
  /** Files `text` under the first policy, then stops that bot and starts one with `tighter`. */
  const fileThenRestart = async (text: string, tighter: string) => {
    const first = await startWith(policy([USERS.admin, USERS.admin2]));
    const filed = await requestApproval(first, text);
    await first.close();
    bots.splice(bots.indexOf(first), 1);
    return { ...filed, h: await startWith(tighter) };
  };
  const deletes = () => openai.requests.filter((r) => r.method === 'DELETE');

  it('does not run the request of a requester removed from admin; says why, and it can still be rejected', async () => {
    openai.state.addUser({ email: 'kim@x.com' });
    const { card, id, h } = await fileThenRestart('users remove kim@x.com', policy([USERS.admin2]));

    const click = await approve(h, card, USERS.approver);
    const note = messageText(await slack.waitForResponse(click.responseId));

    expect(note).toContain(`Request ${id} can no longer run`);
    expect(note).toContain(`the requester ${USERS.admin} no longer holds the admin role that users.remove needs`);
    expect(await waitForCardText(h, card, 'This request can no longer run')).toContain(
      'This request can no longer run',
    );
    expect(latestCard(h, card)).toContain('approval.reject');
    expect((await h.bot.container.store.get(id))?.state).toBe('pending');
    expect(await h.bot.container.store.listApprovals(id)).toEqual([]);
    await h.bot.container.sweeper.sweep();
    expect(deletes()).toHaveLength(0);

    const rejectClick = await clickButton(h, { actionId: 'approval.reject', value: id, userId: USERS.approver2 });
    expect(rejectClick.status).toBe(200);
    const submitted = await submitView(h, {
      callbackId: 'approval.reject.view',
      userId: USERS.approver2,
      privateMetadata: id,
      values: { reason: { value: { type: 'plain_text_input', value: 'no longer an admin' } } },
    });
    expect(submitted.status).toBe(200);
    await waitForState(h, id, 'rejected');
    expect(await waitForCardText(h, card, 'no longer an admin')).toContain('no longer an admin');
    expect(deletes()).toHaveLength(0);
  });

  it('needs two approvals when the rule was raised to two after the request was filed', async () => {
    const lee = openai.state.addUser({ email: 'lee@x.com' });
    const raised = policy([USERS.admin, USERS.admin2], 'operations:\n  users.remove:\n    approvals: 2\n');
    const { card, id, h } = await fileThenRestart('users remove lee@x.com', raised);

    const first = await approve(h, card, USERS.approver);
    expect(messageText(await slack.waitForResponse(first.responseId))).toContain('Approval recorded (1 of 2)');
    expect(await waitForCardText(h, card, '1 of 2')).toContain('1 of 2');
    await h.bot.container.sweeper.sweep();
    expect((await h.bot.container.store.get(id))?.state).toBe('pending');
    expect(deletes()).toHaveLength(0);

    await approve(h, card, USERS.approver2);
    await waitForState(h, id, 'succeeded');
    expect(deletes().map((r) => r.path)).toEqual([`/organization/users/${lee.id}`]);
  });
});
