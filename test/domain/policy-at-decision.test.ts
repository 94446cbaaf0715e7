import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, ADMIN2, APPROVER, APPROVER2, buildDomain, type Domain, fileRemoval } from './fixture.js';

/** The policy is read again when a pending request is decided: a restart with a tighter file reaches it. */
describe('policy at decision time', () => {
  let d: Domain;
  afterEach(() => d.store.close());

  /** The same store, users and clock, with a new policy: the bot restarted after the file changed. */
  const restartWith = async (policy: Record<string, unknown>) => {
    d = await buildDomain({ store: d.store, users: d.users, clock: d.clock, policy });
    return d;
  };

  it('does not run a request whose requester lost the role, says why, and shows it on the card', async () => {
    d = await buildDomain();
    const id = await fileRemoval(d, d.users.add('eli@x.com').id);
    await restartWith({ roles: { admin: [ADMIN2], approver: [APPROVER, APPROVER2], viewer: [ADMIN] } });

    const click = await d.approvals.decide(APPROVER, id, 'approve');

    expect(click.kind).toBe('refused');
    if (click.kind !== 'refused') return;
    expect(click.message).toContain(`Request ${id} can no longer run`);
    expect(click.message).toContain('no longer holds the admin role');
    expect(click.message).toContain('reject');
    expect(d.notifier.cards.get(id)?.blocked).toContain('no longer holds the admin role');
    expect((await d.store.get(id))?.state).toBe('pending');
    expect(await d.store.listApprovals(id)).toEqual([]);
    expect(d.users.deleted).toEqual([]);

    const rejected = await d.approvals.decide(APPROVER2, id, 'reject', 'requester left the team');
    expect(rejected.kind).toBe('decided');
    expect((await d.store.get(id))?.state).toBe('rejected');
    expect(d.users.deleted).toEqual([]);
  });

  it('leaves a blocked request to its requester to cancel', async () => {
    d = await buildDomain();
    const id = await fileRemoval(d, d.users.add('fin@x.com').id);
    await restartWith({ operations: { 'users.*': { channels: ['CELSEWHERE'] } } });

    const click = await d.approvals.decide(APPROVER, id, 'approve');

    expect(click).toEqual({ kind: 'refused', message: expect.stringContaining('may now only be used in CELSEWHERE') });
    expect((await d.approvals.cancel(ADMIN, id)).title).toContain('Cancelled');
    expect(d.users.deleted).toEqual([]);
  });

  it('needs the higher approval count when a rule was raised after filing, and the card says so', async () => {
    d = await buildDomain();
    const gus = d.users.add('gus@x.com');
    const id = await fileRemoval(d, gus.id);
    await restartWith({ operations: { 'users.remove': { approvals: 2 } } });

    expect(await d.approvals.decide(APPROVER, id, 'approve')).toEqual({
      kind: 'recorded',
      message: 'Approval recorded (1 of 2).',
    });
    expect(d.notifier.cards.get(id)?.request.required_approvals).toBe(2);
    expect(d.users.deleted).toEqual([]);
    await d.sweeper.sweep();
    expect((await d.store.get(id))?.state).toBe('pending');

    expect((await d.approvals.decide(APPROVER2, id, 'approve')).kind).toBe('decided');
    expect(d.users.deleted).toEqual([gus.id]);
  });

  it('keeps the count stored at filing when the rule was lowered since', async () => {
    d = await buildDomain({ policy: { operations: { 'users.remove': { approvals: 2 } } } });
    const id = await fileRemoval(d, d.users.add('hal@x.com').id);
    await restartWith({});

    expect((await d.approvals.decide(APPROVER, id, 'approve')).kind).toBe('recorded');
    expect(d.users.deleted).toEqual([]);
  });

  it('asks the approver role the policy names now', async () => {
    d = await buildDomain();
    const ivy = d.users.add('ivy@x.com');
    const id = await fileRemoval(d, ivy.id);
    await restartWith({ operations: { 'users.remove': { approver_role: 'admin' } } });

    expect(await d.approvals.decide(APPROVER, id, 'approve')).toEqual({
      kind: 'refused',
      message: expect.stringContaining('Only members of the admin role'),
    });
    expect((await d.approvals.decide(ADMIN2, id, 'approve')).kind).toBe('decided');
    expect(await d.store.get(id)).toMatchObject({ state: 'succeeded', approver_role: 'admin' });
    expect(d.users.deleted).toEqual([ivy.id]);
  });

  it('no longer counts the vote of someone who lost the approver role since', async () => {
    d = await buildDomain({ policy: { operations: { 'users.remove': { approvals: 2 } } } });
    const kai = d.users.add('kai@x.com');
    const id = await fileRemoval(d, kai.id);
    await d.approvals.decide(APPROVER, id, 'approve');
    const newcomer = 'UAPPROVER3';
    await restartWith({
      roles: { admin: [ADMIN, ADMIN2], approver: [APPROVER2, newcomer], viewer: [] },
      operations: { 'users.remove': { approvals: 2 } },
    });

    expect(await d.approvals.decide(APPROVER2, id, 'approve')).toEqual({
      kind: 'recorded',
      message: 'Approval recorded (1 of 2).',
    });
    await d.sweeper.sweep();
    expect(d.users.deleted).toEqual([]);
    expect((await d.approvals.decide(newcomer, id, 'approve')).kind).toBe('decided');
    expect(await d.store.get(id)).toMatchObject({ state: 'succeeded', decided_by: newcomer });
    expect(d.users.deleted).toEqual([kai.id]);
  });

  it('does not let the sweeper complete a stranded request whose requester lost the role', async () => {
    d = await buildDomain();
    const id = await fileRemoval(d, d.users.add('jon@x.com').id);
    await d.store.addApproval(id, APPROVER, d.clock.ms);
    await restartWith({ roles: { admin: [ADMIN2], approver: [APPROVER, APPROVER2], viewer: [] } });

    await d.sweeper.sweep();

    expect((await d.store.get(id))?.state).toBe('pending');
    expect(d.users.deleted).toEqual([]);
  });
});
