import { describe, expect, it } from 'vitest';
import { Policy } from '../../src/domain/policy/policy.js';
import { ADMIN, APPROVER, policyDocument, VIEWER } from './fixture.js';

const policyWith = (extra: Record<string, unknown>) => new Policy(policyDocument(extra));

describe('policy rules', () => {
  it('uses the defaults when no rule names the operation', () => {
    expect(policyWith({}).ruleFor('users.remove', 'destructive')).toEqual({
      requireApproval: true,
      approvals: 1,
      approverRole: 'approver',
      allowedRoles: ['admin'],
      channels: undefined,
      expiresAfterMs: 24 * 3_600_000,
    });
    expect(policyWith({}).ruleFor('users.list', 'read')).toMatchObject({ requireApproval: false, channels: undefined });
  });

  it('keeps a resource rule’s channel restriction when an operation rule sets only its approvals', () => {
    const policy = policyWith({
      operations: { 'users.*': { channels: ['COPS'], expires_after: '2h' }, 'users.remove': { approvals: 2 } },
    });
    expect(policy.ruleFor('users.remove', 'destructive')).toMatchObject({
      approvals: 2,
      channels: ['COPS'],
      expiresAfterMs: 2 * 3_600_000,
    });
    expect(policy.ruleFor('users.list', 'read')).toMatchObject({ approvals: 1, channels: ['COPS'] });
  });

  it('lets the operation rule win key by key over the resource rule, and both over the defaults', () => {
    const policy = policyWith({
      approvals: { required: 2, expires_after: '3d' },
      operations: {
        'projects.*': { approver_role: 'admin', approvals: 3, channels: ['COPS'], allowed_role: 'approver' },
        'projects.archive': { channels: ['CAUDIT'], require_approval: false },
      },
    });
    expect(policy.ruleFor('projects.archive', 'destructive')).toEqual({
      requireApproval: false,
      approvals: 3,
      approverRole: 'admin',
      allowedRoles: ['approver'],
      channels: ['CAUDIT'],
      expiresAfterMs: 3 * 86_400_000,
    });
    expect(policy.ruleFor('projects.list', 'read')).toMatchObject({ approvals: 3, channels: ['COPS'] });
    expect(policy.ruleFor('users.remove', 'destructive')).toMatchObject({ approvals: 2, approverRole: 'approver' });
  });

  it('does not let a rule for another resource leak in', () => {
    const policy = policyWith({ operations: { 'user.*': { approvals: 5 }, 'usersx.*': { approvals: 4 } } });
    expect(policy.ruleFor('users.remove', 'destructive').approvals).toBe(1);
  });

  it('refuses a command outside the merged channel list, and a role the merged rule does not allow', async () => {
    const policy = policyWith({ operations: { 'users.*': { channels: ['COPS'] }, 'users.remove': { approvals: 2 } } });
    const elsewhere = { userId: ADMIN, channelId: 'CRANDOM', source: 'slack' as const };
    await expect(policy.assertMayRun(elsewhere, 'destructive', 'users.remove')).rejects.toThrow(
      'users.remove may only be used in these channels: COPS.',
    );
    const here = { userId: ADMIN, channelId: 'COPS', source: 'slack' as const };
    await expect(policy.assertMayRun(here, 'destructive', 'users.remove')).resolves.toMatchObject({ approvals: 2 });
    const viewer = { userId: VIEWER, channelId: 'COPS', source: 'slack' as const };
    await expect(policy.assertMayRun(viewer, 'destructive', 'users.remove')).rejects.toThrow('needs the admin role');
  });

  it('says in plain words why a requester may no longer run an operation', async () => {
    const policy = policyWith({ operations: { 'users.*': { channels: ['COPS'] } } });
    expect(
      await policy.whyMayNotRun({ userId: ADMIN, channelId: 'COPS', source: 'slack' }, 'destructive', 'users.remove'),
    ).toBeUndefined();
    expect(
      await policy.whyMayNotRun(
        { userId: ADMIN, channelId: 'CRANDOM', source: 'slack' },
        'destructive',
        'users.remove',
      ),
    ).toBe('users.remove may now only be used in COPS, and this request came from CRANDOM');
    expect(
      await policy.whyMayNotRun(
        { userId: APPROVER, channelId: 'COPS', source: 'slack' },
        'destructive',
        'users.remove',
      ),
    ).toBe(`the requester ${APPROVER} no longer holds the admin role that users.remove needs`);
  });
});
