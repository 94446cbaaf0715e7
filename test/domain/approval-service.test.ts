import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, ADMIN2, APPROVER, APPROVER2, buildDomain, type Domain, fileRemoval, VIEWER } from './fixture.js';

describe('approval service', () => {
  let d: Domain;
  afterEach(() => d.store.close());

  const stateOf = async (id: string) => (await d.store.get(id))?.state;
  const events = async (id: string) => (await d.store.listAudit({ requestId: id })).map((e) => e.event);

  it('runs an approved request once, records who decided and tells the requester', async () => {
    d = await buildDomain();
    const bob = d.users.add('bob@x.com');
    const id = await fileRemoval(d, bob.id);
    expect(await stateOf(id)).toBe('pending');
    expect(d.users.deleted).toEqual([]);

    const decision = await d.approvals.decide(APPROVER, id, 'approve');

    expect(decision).toMatchObject({ kind: 'decided', message: `Approved request ${id}.` });
    expect(await d.store.get(id)).toMatchObject({ state: 'succeeded', decided_by: APPROVER });
    expect(d.users.deleted).toEqual([bob.id]);
    expect(await events(id)).toEqual(['requested', 'approval', 'approved', 'executed']);
    expect(d.notifier.told.map((c) => c.request.state)).toEqual(['succeeded']);
    expect(d.notifier.cards.get(id)?.votes.map((v) => v.user_id)).toEqual([APPROVER]);
  });

  it('rejects with a reason, runs nothing and tells the requester', async () => {
    d = await buildDomain();
    const id = await fileRemoval(d, d.users.add('rae@x.com').id);

    const decision = await d.approvals.decide(APPROVER, id, 'reject', 'still needed');

    expect(decision.kind).toBe('decided');
    expect(await d.store.get(id)).toMatchObject({ state: 'rejected', decision_reason: 'still needed' });
    expect(d.users.deleted).toEqual([]);
    expect(d.notifier.told.map((c) => c.request.state)).toEqual(['rejected']);
  });

  it('refuses the requester and people without the approver role, changing nothing', async () => {
    d = await buildDomain();
    const id = await fileRemoval(d, d.users.add('sam@x.com').id);

    const own = await d.approvals.decide(ADMIN, id, 'approve');
    const ownReject = await d.approvals.decide(ADMIN, id, 'reject');
    const others = await Promise.all([ADMIN2, VIEWER, 'USTRANGER'].map((u) => d.approvals.decide(u, id, 'approve')));

    expect(own).toEqual({ kind: 'refused', message: expect.stringContaining('cannot approve your own request') });
    expect(ownReject).toEqual({ kind: 'refused', message: expect.stringContaining('cannot reject your own request') });
    for (const other of others) {
      expect(other).toEqual({ kind: 'refused', message: expect.stringContaining('Only members of the approver role') });
    }
    expect(await stateOf(id)).toBe('pending');
    expect(await d.store.listApprovals(id)).toEqual([]);
    expect(d.users.deleted).toEqual([]);
  });

  it('needs N distinct approvals, refuses a second vote by the same person and then runs once', async () => {
    d = await buildDomain({ policy: { operations: { 'users.remove': { approvals: 2 } } } });
    const tia = d.users.add('tia@x.com');
    const id = await fileRemoval(d, tia.id);

    expect(await d.approvals.decide(APPROVER, id, 'approve')).toEqual({
      kind: 'recorded',
      message: 'Approval recorded (1 of 2).',
    });
    const again = await d.approvals.decide(APPROVER, id, 'approve');
    expect(again).toEqual({ kind: 'refused', message: expect.stringContaining('already approved') });
    expect(await stateOf(id)).toBe('pending');
    expect(d.notifier.cards.get(id)?.votes).toHaveLength(1);

    expect((await d.approvals.decide(APPROVER2, id, 'approve')).kind).toBe('decided');
    expect(await stateOf(id)).toBe('succeeded');
    expect(d.users.deleted).toEqual([tia.id]);
    const late = await d.approvals.decide(APPROVER, id, 'approve');
    expect(late).toEqual({ kind: 'refused', message: `Request ${id} was already approved and done.` });
    expect(d.users.deleted).toEqual([tia.id]);
  });

  it('expires a request after its lifetime: a click is refused and the sweeper marks it once', async () => {
    d = await buildDomain({ policy: { approvals: { expires_after: '2h' } } });
    const id = await fileRemoval(d, d.users.add('uma@x.com').id);
    d.clock.advance(2 * 3_600_000 - 1);
    expect(await d.approvals.expireOverdue()).toBe(0);
    d.clock.advance(1);

    const click = await d.approvals.decide(APPROVER, id, 'approve');
    await d.sweeper.sweep();

    expect(click).toEqual({ kind: 'refused', message: expect.stringContaining('expired') });
    expect(await stateOf(id)).toBe('expired');
    expect((await events(id)).filter((e) => e === 'expired')).toHaveLength(1);
    expect(d.notifier.told.map((c) => c.request.state)).toEqual(['expired']);
    expect(d.users.deleted).toEqual([]);
  });

  it('lets only the requester cancel a pending request, and a cancelled one cannot be approved', async () => {
    d = await buildDomain();
    const id = await fileRemoval(d, d.users.add('vic@x.com').id);

    await expect(d.approvals.cancel(ADMIN2, id)).rejects.toThrow('Only the person who asked may cancel');
    expect(await stateOf(id)).toBe('pending');
    expect((await d.approvals.cancel(ADMIN, id)).title).toBe(`Cancelled request ${id}; nothing was changed.`);

    const click = await d.approvals.decide(APPROVER, id, 'approve');
    expect(click).toEqual({ kind: 'refused', message: expect.stringContaining('cancelled by the requester') });
    await expect(d.approvals.cancel(ADMIN, id)).rejects.toThrow('cancelled');
    expect(d.users.deleted).toEqual([]);
  });

  it('lists pending requests with the ones awaiting this approver first', async () => {
    d = await buildDomain({ policy: { operations: { 'users.remove': { approvals: 2 } } } });
    const first = await fileRemoval(d, d.users.add('wes@x.com').id);
    const second = await fileRemoval(d, d.users.add('xan@x.com').id, ADMIN2);
    await d.approvals.decide(APPROVER, first, 'approve');

    const rows = await d.approvals.pending(APPROVER);

    expect(rows.map((r) => [r.request.id, r.awaitingMe])).toEqual([
      [second, true],
      [first, false],
    ]);
    expect((await d.approvals.pending(ADMIN)).find((r) => r.request.id === first)?.awaitingMe).toBe(false);
  });

  it('files nothing when the command is used outside the channels the policy allows', async () => {
    d = await buildDomain({ policy: { operations: { 'users.*': { channels: ['CELSEWHERE'] } } } });
    const user = d.users.add('yul@x.com');
    await expect(fileRemoval(d, user.id)).rejects.toThrow('users.remove may only be used in these channels');
    expect(await d.store.listByState(['pending'])).toEqual([]);
  });
});
