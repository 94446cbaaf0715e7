import { describe, expect, it } from 'vitest';
import { type ContractHarness, newRequest } from './harness.js';

const times = <T>(n: number, make: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => make(i)));
const defined = <T>(values: (T | undefined)[]) => values.filter((v): v is T => v !== undefined);

/** Races that must have exactly one winner, within one store and across two stores on one database. */
export function describeConcurrencyContract(h: ContractHarness): void {
  describe('concurrency', () => {
    it('lets exactly one of 50 concurrent approved→executing transitions win', async () => {
      const store = await h.fresh();
      const { id } = await store.insert(newRequest({ state: 'approved' }));
      const results = await times(50, (i) => store.transition(id, 'approved', 'executing', { decided_by: `U${i}` }));
      const winners = defined(results);
      expect(winners).toHaveLength(1);
      expect(await store.get(id)).toMatchObject({ state: 'executing', decided_by: winners[0]?.decided_by });
    });

    it('lets exactly one transition win when two stores on one database race', async () => {
      const a = await h.fresh();
      const b = await h.sibling();
      const { id } = await a.insert(newRequest({ state: 'approved' }));
      const results = await times(40, (i) =>
        (i % 2 === 0 ? a : b).transition(id, 'approved', 'executing', { decided_by: `replica-${i}` }),
      );
      expect(defined(results)).toHaveLength(1);
      expect((await b.get(id))?.state).toBe('executing');
    });

    it('resolves an approve click racing a reject click to exactly one decision', async () => {
      const a = await h.fresh();
      const b = await h.sibling();
      const { id } = await a.insert(newRequest());
      const [approved, rejected] = await Promise.all([
        a.transition(id, 'pending', 'approved', { decided_by: 'U_A' }),
        b.transition(id, 'pending', 'rejected', { decided_by: 'U_B' }),
      ]);
      const winners = defined([approved, rejected]);
      expect(winners).toHaveLength(1);
      expect((await a.get(id))?.state).toBe(winners[0]?.state);
    });

    it('gives exactly one true among concurrent claimOnce calls from two stores', async () => {
      const a = await h.fresh();
      const b = await h.sibling();
      const claims = await times(30, (i) => (i % 2 === 0 ? a : b).claimOnce('digest:sub_1:2024-05-01', `r${i}`, i));
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('grants a free lease to exactly one of many concurrent owners', async () => {
      const a = await h.fresh();
      const b = await h.sibling();
      const grants = await times(20, (i) => (i % 2 === 0 ? a : b).acquireLease('scheduler', `owner-${i}`, 60_000));
      expect(grants.filter(Boolean)).toHaveLength(1);
      const holder = `owner-${grants.indexOf(true)}`;
      expect(await b.renewLease('scheduler', holder, 60_000)).toBe(true);
      expect(await a.acquireLease('scheduler', holder === 'owner-0' ? 'owner-1' : 'owner-0', 60_000)).toBe(false);
    });

    it('reveals a secret to only one of many concurrent takes by its owner', async () => {
      const a = await h.fresh();
      const b = await h.sibling();
      await a.putSecret({ id: 'sec_1', owner_user_id: 'U_OWNER', ciphertext: 'c1', created_at: 1, expires_at: 999 });
      const taken = await times(20, (i) => (i % 2 === 0 ? a : b).takeSecret('sec_1', 'U_OWNER'));
      expect(defined(taken)).toHaveLength(1);
    });

    it('counts concurrent votes once per user', async () => {
      const a = await h.fresh();
      const b = await h.sibling();
      const { id } = await a.insert(newRequest({ required_approvals: 3 }));
      await times(20, (i) => (i % 2 === 0 ? a : b).addApproval(id, 'U_SAME', i));
      expect(await b.listApprovals(id)).toHaveLength(1);
      const counts = await times(6, (i) => (i % 2 === 0 ? a : b).addApproval(id, `U_${i}`, 100 + i));
      expect(Math.max(...counts)).toBe(7);
      expect(await a.addApproval(id, 'U_SAME', 200)).toBe(7);
    });
  });
}
