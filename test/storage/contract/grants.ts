import { describe, expect, it } from 'vitest';
import type { NewGrantRecord } from '../../../src/storage/grant-records.js';
import type { ContractHarness } from './harness.js';

let seq = 0;
const grant = (overrides: Partial<NewGrantRecord> = {}): NewGrantRecord => ({
  id: `grant_${++seq}${Date.now()}`,
  kind: 'project_member',
  project_id: 'proj_1',
  project_name: 'Alpha',
  user_id: 'user-1',
  user_email: 'ann@x.com',
  granted_role: 'member',
  previous_role: null,
  grantee_chat_id: 'UANN',
  granted_by: 'UADMIN',
  request_id: null,
  reason: null,
  created_at: 1_000,
  expires_at: 10_000,
  ...overrides,
});

/** Time-bound grants: due lists, claims, finishing, retries and revocation, each a compare-and-set. */
export function describeGrantContract(h: ContractHarness): void {
  describe('grants', () => {
    it('stores a grant active and due at its expiry, and lists it for its grantee', async () => {
      const { grants } = await h.fresh();
      const stored = await grants.insertGrant(grant({ id: 'grant_a' }));
      expect(stored).toMatchObject({ id: 'grant_a', state: 'active', due_at: 10_000, attempts: 0, owner: null });
      await grants.insertGrant(grant({ id: 'grant_b', grantee_chat_id: 'UBOB', expires_at: 5_000 }));
      expect((await grants.listActiveGrants()).map((g) => g.id)).toEqual(['grant_b', 'grant_a']);
      expect((await grants.listActiveGrants({ granteeChatId: 'UANN' })).map((g) => g.id)).toEqual(['grant_a']);
      expect(await grants.listDueGrants(9_999, 10)).toEqual(['grant_b']);
      expect(await grants.listDueGrants(10_000, 10)).toEqual(['grant_b', 'grant_a']);
    });

    it('lets exactly one of many concurrent claimers on two connections take a due grant', async () => {
      const first = await h.fresh();
      const second = await h.sibling();
      await first.grants.insertGrant(grant({ id: 'grant_race' }));
      const claims = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? first : second).grants.claimGrant('grant_race', `replica-${i}`, 10_000, 60_000),
        ),
      );
      const winners = claims.filter((c) => c !== undefined);
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ state: 'undoing', attempts: 1, lease_until: 70_000 });
      expect(await first.grants.listDueGrants(69_999, 10)).toEqual([]);
    });

    it('refuses a claim before expiry, and lets another replica take over only once the lease lapsed', async () => {
      const { grants } = await h.fresh();
      await grants.insertGrant(grant({ id: 'grant_l' }));
      expect(await grants.claimGrant('grant_l', 'a', 9_999, 1_000)).toBeUndefined();
      expect(await grants.claimGrant('grant_l', 'a', 10_000, 1_000)).toBeDefined();
      expect(await grants.claimGrant('grant_l', 'b', 10_999, 1_000)).toBeUndefined();
      expect(await grants.listDueGrants(11_000, 10)).toEqual(['grant_l']);
      expect(await grants.claimGrant('grant_l', 'b', 11_000, 1_000)).toMatchObject({ owner: 'b', attempts: 2 });
      expect(await grants.finishGrant('grant_l', 'a', 'ended', { ended_at: 11_001, outcome: 'x' })).toBeUndefined();
      const done = await grants.finishGrant('grant_l', 'b', 'ended', { ended_at: 11_002, outcome: 'removed' });
      expect(done).toMatchObject({ state: 'ended', ended_at: 11_002, outcome: 'removed' });
      expect(await grants.claimGrant('grant_l', 'c', 99_999, 1_000)).toBeUndefined();
      expect(await grants.listActiveGrants()).toEqual([]);
    });

    it('puts a failed undo back with a later due time, only for its holder', async () => {
      const { grants } = await h.fresh();
      await grants.insertGrant(grant({ id: 'grant_r' }));
      await grants.claimGrant('grant_r', 'a', 10_000, 60_000);
      expect(await grants.retryGrant('grant_r', 'b', 40_000, 'boom')).toBeUndefined();
      expect(await grants.retryGrant('grant_r', 'a', 40_000, 'HTTP 500')).toMatchObject({
        state: 'active',
        due_at: 40_000,
        last_error: 'HTTP 500',
        owner: null,
      });
      expect(await grants.claimGrant('grant_r', 'a', 39_999, 60_000)).toBeUndefined();
      expect(await grants.claimGrant('grant_r', 'a', 40_000, 60_000)).toMatchObject({ attempts: 2 });
    });

    it('revokes and cancels only active grants', async () => {
      const { grants } = await h.fresh();
      await grants.insertGrant(grant({ id: 'grant_v' }));
      expect(await grants.revokeGrant('grant_v', 'UBOSS', 2_000)).toMatchObject({ due_at: 2_000, revoked_by: 'UBOSS' });
      expect(await grants.listDueGrants(2_000, 10)).toEqual(['grant_v']);
      await grants.claimGrant('grant_v', 'a', 2_000, 60_000);
      expect(await grants.revokeGrant('grant_v', 'UBOSS', 2_001)).toBeUndefined();
      expect(await grants.cancelGrant('grant_v', 'refused', 2_001)).toBeUndefined();
      await grants.insertGrant(grant({ id: 'grant_c' }));
      expect(await grants.cancelGrant('grant_c', 'HTTP 400', 3_000)).toMatchObject({ state: 'cancelled' });
      expect(await grants.listDueGrants(50_000, 10)).toEqual([]);
      expect(await grants.getGrant('grant_none')).toBeUndefined();
    });
  });
}
