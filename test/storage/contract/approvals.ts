import { describe, expect, it } from 'vitest';
import { type ContractHarness, newRequest } from './harness.js';

/** Approval requests: insert, read, compare-and-set transitions, listings and votes. */
export function describeApprovalContract(h: ContractHarness): void {
  describe('approval requests', () => {
    it('stores a request as pending with absent optional fields as null and JSON input intact', async () => {
      const store = await h.fresh();
      const input = { project_id: 'proj_1', nested: { list: [1, 'two', true, null] } };
      const inserted = await store.insert(newRequest({ id: 'req_a', input }));
      expect(inserted).toMatchObject({ id: 'req_a', state: 'pending', input, requester_email: null, reason: null });
      expect(inserted.requester_source).toBe('slack');
      expect(inserted).toMatchObject({ card_channel: null, result: null, error: null, decided_at: null });
      expect(await store.get('req_a')).toEqual(inserted);
      expect(await store.get('req_missing')).toBeUndefined();
    });

    it('keeps optional fields given at insert and numbers as numbers', async () => {
      const store = await h.fresh();
      const request = newRequest({
        requester_email: 'a@example.com',
        requester_source: 'cli',
        reason: 'cleanup',
        required_approvals: 2,
      });
      const stored = await store.get((await store.insert(request)).id);
      expect(stored).toMatchObject({ requester_email: 'a@example.com', reason: 'cleanup', required_approvals: 2 });
      expect(stored?.requester_source).toBe('cli');
      expect(stored?.created_at).toBe(request.created_at);
      expect(typeof stored?.expires_at).toBe('number');
    });

    it('rejects a second request with the same id', async () => {
      const store = await h.fresh();
      await store.insert(newRequest({ id: 'req_dup' }));
      await expect(store.insert(newRequest({ id: 'req_dup' }))).rejects.toThrow();
    });

    it('transitions only from a matching state, applying the patch', async () => {
      const store = await h.fresh();
      const { id } = await store.insert(newRequest());
      expect(await store.transition(id, 'approved', 'executing')).toBeUndefined();
      const approved = await store.transition(id, 'pending', 'approved', { decided_by: 'U_APPROVER', decided_at: 42 });
      expect(approved).toMatchObject({ state: 'approved', decided_by: 'U_APPROVER', decided_at: 42 });
      const done = await store.transition(id, ['approved', 'executing'], 'succeeded', {
        result: { archived: true },
        openai_request_id: 'req-openai-1',
      });
      expect(done).toMatchObject({ state: 'succeeded', result: { archived: true }, decided_by: 'U_APPROVER' });
      expect(await store.get(id)).toEqual(done);
      expect(await store.transition(id, 'pending', 'rejected')).toBeUndefined();
      expect((await store.get(id))?.state).toBe('succeeded');
    });

    it('records an error as JSON and refuses an empty from-list or an unknown id', async () => {
      const store = await h.fresh();
      const { id } = await store.insert(newRequest({ state: 'executing' }));
      expect(await store.transition(id, [], 'failed')).toBeUndefined();
      expect(await store.transition('req_missing', 'executing', 'failed')).toBeUndefined();
      const failed = await store.transition(id, 'executing', 'failed', { error: { status: 409, message: 'conflict' } });
      expect(failed?.error).toEqual({ status: 409, message: 'conflict' });
      expect(failed?.result).toBeNull();
    });

    it('records where the card was posted', async () => {
      const store = await h.fresh();
      const { id } = await store.insert(newRequest());
      expect(await store.setCard(id, 'C_APPROVALS', '1700000000.000100')).toBe(true);
      expect(await store.get(id)).toMatchObject({ card_channel: 'C_APPROVALS', card_ts: '1700000000.000100' });
      expect(await store.setCard('req_missing', 'C', '1')).toBe(false);
    });

    it('lists by state oldest first within the limit', async () => {
      const store = await h.fresh();
      const a = await store.insert(newRequest({ created_at: 30 }));
      const b = await store.insert(newRequest({ created_at: 10 }));
      const c = await store.insert(newRequest({ created_at: 20, state: 'approved' }));
      await store.insert(newRequest({ created_at: 5, state: 'rejected' }));
      expect((await store.listByState(['pending'])).map((r) => r.id)).toEqual([b.id, a.id]);
      expect((await store.listByState(['pending', 'approved'])).map((r) => r.id)).toEqual([b.id, c.id, a.id]);
      expect((await store.listByState(['pending', 'approved'], { limit: 2 })).map((r) => r.id)).toEqual([b.id, c.id]);
      expect(await store.listByState([])).toEqual([]);
    });

    it('lists decided requests, most recently decided first', async () => {
      const store = await h.fresh();
      await store.insert(newRequest({ created_at: 1 }));
      const old = await store.insert(newRequest({ created_at: 2 }));
      const recent = await store.insert(newRequest({ created_at: 3 }));
      await store.transition(recent.id, 'pending', 'rejected', { decided_at: 100 });
      await store.transition(old.id, 'pending', 'approved', { decided_at: 200 });
      expect((await store.listRecent()).map((r) => r.id)).toEqual([old.id, recent.id]);
      expect((await store.listRecent({ limit: 1 })).map((r) => r.id)).toEqual([old.id]);
    });

    it('lists pending requests whose expiry has passed', async () => {
      const store = await h.fresh();
      const due = await store.insert(newRequest({ expires_at: 100 }));
      const dueEarlier = await store.insert(newRequest({ expires_at: 50 }));
      await store.insert(newRequest({ expires_at: 101 }));
      await store.insert(newRequest({ expires_at: 10, state: 'approved' }));
      expect((await store.listExpired(100)).map((r) => r.id)).toEqual([dueEarlier.id, due.id]);
      expect(await store.listExpired(49)).toEqual([]);
    });

    it('counts each approver once per request', async () => {
      const store = await h.fresh();
      const { id } = await store.insert(newRequest({ required_approvals: 2 }));
      const other = await store.insert(newRequest());
      expect(await store.addApproval(id, 'U_ONE', 10)).toBe(1);
      expect(await store.addApproval(id, 'U_ONE', 11)).toBe(1);
      expect(await store.addApproval(other.id, 'U_ONE', 12)).toBe(1);
      expect(await store.addApproval(id, 'U_TWO', 13)).toBe(2);
      expect(await store.listApprovals(id)).toEqual([
        { request_id: id, user_id: 'U_ONE', at: 10 },
        { request_id: id, user_id: 'U_TWO', at: 13 },
      ]);
      expect(await store.listApprovals('req_missing')).toEqual([]);
    });

    it('refuses a vote on a request that does not exist', async () => {
      const store = await h.fresh();
      await expect(store.addApproval('req_missing', 'U_ONE', 1)).rejects.toThrow();
    });
  });
}
