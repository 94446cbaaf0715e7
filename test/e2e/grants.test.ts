import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeCalls, writesTo } from '../helpers/approval-outcome.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { APPROVAL_CHANNEL, MINIMAL_POLICY, USERS } from '../helpers/policy.js';

const HOUR = 3_600_000;

describe('time-bound grants through the real app', () => {
  let h: Harness;
  let clock = Date.parse('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    h = await startHarness({
      policy: `${MINIMAL_POLICY}grants:\n  max_duration: 14d\n`,
      start: { now: () => new Date(clock), grantTimer: false },
    });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.openai.reset();
    h.slack.users.set('UBOB', { id: 'UBOB', email: 'bob@x.com' });
  });

  const expire = async (ms: number) => {
    clock += ms;
    return h.bot.container.grantExpirer.tick();
  };
  const dmsTo = (channel: string, since: number) =>
    h.slack.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
  const seed = () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const bob = h.openai.state.addUser({ email: 'bob@x.com' });
    return { alpha, bob };
  };

  it('adds a member for 2h, lists the grant with its time left, and removes them once at expiry', async () => {
    const { alpha, bob } = seed();
    const added = messageText(await h.ask('members add Alpha bob@x.com --for 2h'));
    expect(added).toContain('Added bob@x.com to project Alpha as member.');
    expect(added).toMatch(
      /Time-bound: ends <!date\^\d+\^\{date_short_pretty\} \{time\}\|2026-03-02 11:00 UTC> \(in 2h\), grant (grant_[a-f0-9]+)/,
    );
    const grantId = /grant (grant_[a-f0-9]+)/.exec(added)?.[1] as string;
    expect(h.openai.state.projects.get(alpha.id)?.members.get(bob.id)?.role).toBe('member');

    clock += 35 * 60_000;
    const listed = messageText(await h.ask('grants', USERS.viewer));
    expect(listed).toContain('1 active grant');
    expect(listed).toContain(`bob@x.com: member of project Alpha (${alpha.id})`);
    expect(listed).toContain(grantId);
    expect(listed).toContain('1h 25m left');

    const seen = h.slack.calls.length;
    expect(await expire(HOUR)).toBe(0);
    expect(h.openai.state.projects.get(alpha.id)?.members.has(bob.id)).toBe(true);
    expect(await expire(25 * 60_000)).toBe(1);
    expect(await expire(HOUR)).toBe(0);
    expect(writeCalls(h).map((c) => c.call)).toEqual([
      `POST /organization/projects/${alpha.id}/users`,
      `DELETE /organization/projects/${alpha.id}/users/${bob.id}`,
    ]);
    expect(h.openai.state.projects.get(alpha.id)?.members.has(bob.id)).toBe(false);
    const told = [...dmsTo('UBOB', seen), ...dmsTo(USERS.admin, seen)].map(messageText);
    expect(told).toHaveLength(2);
    for (const text of told) expect(text).toContain(`Grant ${grantId} (bob@x.com as member of project Alpha`);
    expect(told[0]).toContain('expired: removed from the project.');
    const audit = await h.bot.container.store.listAudit({ order: 'desc', limit: 5 });
    expect(audit.find((e) => e.event === 'grant_ended')?.input).toMatchObject({ grant_id: grantId, user_id: bob.id });
    expect(messageText(await h.ask('grants'))).toContain('No time-bound access is active.');
  });

  it('makes someone owner for 1h and restores the role read live when the grant was given', async () => {
    const { bob } = seed();
    const text = messageText(await h.ask('users role bob@x.com owner --for 1h'));
    expect(text).toContain('bob@x.com is now owner of the organization.');
    expect(text).toContain('Time-bound: ends <!date^');
    expect(h.openai.state.users.get(bob.id)?.role).toBe('owner');
    expect(await expire(HOUR)).toBe(1);
    expect(await expire(HOUR)).toBe(0);
    expect(writeCalls(h)).toEqual([
      { call: `POST /organization/users/${bob.id}`, body: { role: 'owner' } },
      { call: `POST /organization/users/${bob.id}`, body: { role: 'reader' } },
    ]);
    expect(h.openai.state.users.get(bob.id)?.role).toBe('reader');
  });

  it('reports a grant whose access was changed by hand before expiry, and leaves it alone', async () => {
    const { alpha, bob } = seed();
    await h.ask('members add Alpha bob@x.com --for 1h');
    const member = h.openai.state.projects.get(alpha.id)?.members.get(bob.id);
    if (member) member.role = 'owner';
    const seen = h.slack.calls.length;
    expect(await expire(HOUR)).toBe(1);
    expect(writesTo(h)).toHaveLength(1);
    expect(h.openai.state.projects.get(alpha.id)?.members.get(bob.id)?.role).toBe('owner');
    const note = messageText(dmsTo(USERS.admin, seen)[0] ?? { method: '', body: {}, headers: {}, at: 0 });
    expect(note).toContain('changed by hand in the meantime, so it was left as it is');
    expect(note).toContain('their project role is now owner, not member.');
    expect(dmsTo(APPROVAL_CHANNEL, seen)).toHaveLength(1);
  });

  it('ends a grant now with grants revoke, once, and refuses a second revoke', async () => {
    const { alpha, bob } = seed();
    const added = messageText(await h.ask('members add Alpha bob@x.com owner --for 7d'));
    const grantId = /grant (grant_[a-f0-9]+)/.exec(added)?.[1] as string;
    const revoked = messageText(await h.ask(`grants revoke ${grantId}`, USERS.admin2));
    expect(revoked).toContain(`Grant ${grantId} (bob@x.com as owner of project Alpha`);
    expect(revoked).toContain(`was revoked by ${USERS.admin2}: removed from the project.`);
    expect(h.openai.state.projects.get(alpha.id)?.members.has(bob.id)).toBe(false);
    expect(messageText(await h.ask(`grants revoke ${grantId}`))).toContain(`Grant ${grantId} is already ended.`);
    expect(await expire(8 * 24 * HOUR)).toBe(0);
    expect(writesTo(h).filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('retries a failed undo with backoff and tells the approvals channel', async () => {
    const { alpha, bob } = seed();
    await h.ask('members add Alpha bob@x.com --for 1m');
    const path = `/organization/projects/${alpha.id}/users/${bob.id}`;
    h.openai.fail({ method: 'DELETE', path, status: 500, times: 1 });
    const seen = h.slack.calls.length;
    expect(await expire(60_000)).toBe(0);
    const alert = messageText(dmsTo(APPROVAL_CHANNEL, seen)[0] ?? { method: '', body: {}, headers: {}, at: 0 });
    expect(alert).toContain('Could not take back grant grant_');
    expect(alert).toContain('attempt 1');
    expect(messageText(await h.ask('grants'))).toContain('last undo failed');
    expect(await expire(10_000)).toBe(0);
    expect(await expire(30_000)).toBe(1);
    expect(h.openai.requests.filter((r) => r.method === 'DELETE' && r.path === path)).toHaveLength(2);
    expect(h.openai.state.projects.get(alpha.id)?.members.has(bob.id)).toBe(false);
  });

  it.each([
    ['members add Alpha bob@x.com --for 30s', '"30s" is not a duration; use e.g. 30m, 8h, 7d or 2w.'],
    ['members add Alpha bob@x.com --for 0m', '--for 0m is too short; a grant lasts at least 1 minute.'],
    ['members add Alpha bob@x.com --for 15d', '--for 15d is longer than the policy allows; the most is 14d.'],
    ['users role bob@x.com reader --for 1h', '--for applies to owner only'],
    ['grants revoke grant_nope0', 'There is no grant grant_nope0'],
    ['grants revoke 12', '"12" is not a grant id (grant_…).'],
  ])('answers "%s" with a specific message and changes nothing', async (command, message) => {
    seed();
    expect(messageText(await h.ask(command))).toContain(message);
    expect(writesTo(h)).toHaveLength(0);
  });
});
