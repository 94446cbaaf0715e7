import { describe, expect, it } from 'vitest';
import { type ContractHarness, newRequest } from './harness.js';

const times = <T>(n: number, make: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => make(i)));

/** Votes that turn into an approval in one transaction, so no vote can leave a request stranded. */
export function describeVoteContract(h: ContractHarness): void {
  describe('settling approvals', () => {
    it('records a vote and approves with the patch once the votes reach the requirement', async () => {
      const store = await h.fresh();
      const { id } = await store.insert(newRequest({ required_approvals: 2 }));
      const first = await store.settleApproval(id, { vote: { userId: 'U_ONE', at: 10 }, required: 2 });
      expect(first).toMatchObject({ votes: 1, approved: false, request: { id, state: 'pending' } });
      const again = await store.settleApproval(id, { vote: { userId: 'U_ONE', at: 11 }, required: 2 });
      expect(again).toMatchObject({ votes: 1, approved: false });
      const second = await store.settleApproval(id, {
        vote: { userId: 'U_TWO', at: 12 },
        required: 2,
        patch: { decided_by: 'U_TWO', decided_at: 12 },
      });
      expect(second).toMatchObject({ votes: 2, approved: true, request: { state: 'approved', decided_by: 'U_TWO' } });
      expect(await store.settleApproval(id, { vote: { userId: 'U_THREE', at: 13 }, required: 2 })).toBeUndefined();
      expect((await store.listApprovals(id)).map((v) => v.user_id)).toEqual(['U_ONE', 'U_TWO']);
    });

    it('completes without a new vote when the recorded votes already reach the requirement', async () => {
      const store = await h.fresh();
      const { id } = await store.insert(newRequest());
      expect(await store.settleApproval(id, { required: 1 })).toMatchObject({ votes: 0, approved: false });
      await store.addApproval(id, 'U_ONE', 10);
      expect(await store.settleApproval(id, { required: 2 })).toMatchObject({ votes: 1, approved: false });
      expect(await store.settleApproval(id, { required: 1 })).toMatchObject({ approved: true });
      expect(await store.settleApproval('req_missing', { required: 1 })).toBeUndefined();
    });

    it('leaves out the votes it is told to ignore', async () => {
      const store = await h.fresh();
      const { id } = await store.insert(newRequest({ required_approvals: 2 }));
      await store.addApproval(id, 'U_LAPSED', 1);
      const second = await store.settleApproval(id, {
        vote: { userId: 'U_TWO', at: 2 },
        required: 2,
        ignoring: ['U_LAPSED'],
      });
      expect(second).toMatchObject({ votes: 1, approved: false });
      expect(await store.settleApproval(id, { required: 2, ignoring: [] })).toMatchObject({ votes: 2, approved: true });
    });

    it('lists pending requests whose votes already reach their stored requirement', async () => {
      const store = await h.fresh();
      const met = await store.insert(newRequest({ created_at: 2 }));
      const short = await store.insert(newRequest({ required_approvals: 2 }));
      const metTwice = await store.insert(newRequest({ required_approvals: 2, created_at: 1 }));
      const decided = await store.insert(newRequest({ state: 'approved' }));
      for (const [id, user] of [
        [met.id, 'U_ONE'],
        [short.id, 'U_ONE'],
        [metTwice.id, 'U_ONE'],
        [metTwice.id, 'U_TWO'],
        [decided.id, 'U_ONE'],
      ] as const) {
        await store.addApproval(id, user, 1);
      }
      expect((await store.listApprovable()).map((r) => r.id)).toEqual([metTwice.id, met.id]);
      expect((await store.listApprovable({ limit: 1 })).map((r) => r.id)).toEqual([metTwice.id]);
    });

    it('keeps neither the vote nor the approval when the database fails between them', async () => {
      const store = await h.fresh();
      const { id } = await store.insert(newRequest());
      const heal = await h.failTransitionsTo('approved');
      try {
        await expect(store.settleApproval(id, { vote: { userId: 'U_ONE', at: 10 }, required: 1 })).rejects.toThrow();
      } finally {
        await heal();
      }
      expect(await store.listApprovals(id)).toEqual([]);
      expect((await store.get(id))?.state).toBe('pending');
      const retry = await store.settleApproval(id, { vote: { userId: 'U_ONE', at: 11 }, required: 1 });
      expect(retry).toMatchObject({ votes: 1, approved: true });
    });

    it('approves exactly once when many votes arrive together', async () => {
      const store = await h.fresh();
      const { id } = await store.insert(newRequest({ required_approvals: 3 }));
      const results = await times(12, (i) =>
        store.settleApproval(id, { vote: { userId: `U_${i % 4}`, at: i }, required: 3 }),
      );
      expect(results.filter((r) => r?.approved)).toHaveLength(1);
      expect(results.filter((r) => r === undefined).length).toBeGreaterThan(0);
      expect((await store.get(id))?.state).toBe('approved');
      expect((await store.listApprovals(id)).length).toBe(3);
    });

    it('counts votes given through two stores on one database together', async () => {
      const a = await h.fresh();
      const b = await h.sibling();
      const { id } = await a.insert(newRequest({ required_approvals: 2 }));
      expect(await a.settleApproval(id, { vote: { userId: 'U_ONE', at: 1 }, required: 2 })).toMatchObject({ votes: 1 });
      expect(await b.settleApproval(id, { vote: { userId: 'U_TWO', at: 2 }, required: 2 })).toMatchObject({
        votes: 2,
        approved: true,
      });
      expect(await a.settleApproval(id, { vote: { userId: 'U_THREE', at: 3 }, required: 2 })).toBeUndefined();
    });
  });
}
