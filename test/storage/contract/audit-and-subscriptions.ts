import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../src/domain/audit-trail/model.js';
import type { DigestSubscription } from '../../../src/domain/digests/subscription.js';
import type { ContractHarness } from './harness.js';

const subscription = (overrides: Partial<DigestSubscription> = {}): DigestSubscription => ({
  id: 'sub_1',
  channel_id: 'C_FINANCE',
  schedule: '0 9 * * 1',
  timezone: 'Europe/Berlin',
  project_ids: ['proj_1', 'proj_2'],
  muted_sections: ['forecast'],
  created_by: 'U_ADMIN',
  created_at: 1000,
  ...overrides,
});

/** The append-only audit trail and digest subscriptions. */
export function describeAuditAndSubscriptionContract(h: ContractHarness): void {
  describe('audit trail', () => {
    it('appends entries with growing ids and reads them back with JSON intact', async () => {
      const store = await h.fresh();
      const first = await store.appendAudit({
        event: 'requested',
        at: 10,
        request_id: 'req_1',
        actor_id: 'U_REQ',
        operation: 'users.remove',
        input: { user: 'user_1' },
        detail: { card: ['C', '1.0'] },
        openai_request_id: 'oai_1',
      });
      const second = await store.appendAudit({ event: 'read', at: 11 });
      expect(second.id).toBeGreaterThan(first.id);
      expect(second).toMatchObject({ request_id: null, actor_id: null, input: null, detail: null, operation: null });
      expect(await store.listAudit()).toEqual([first, second]);
      expect(first).toMatchObject({ input: { user: 'user_1' }, detail: { card: ['C', '1.0'] }, at: 10 });
    });

    it('keeps append order even when timestamps go backwards, and filters by time, request and limit', async () => {
      const store = await h.fresh();
      const appended: AuditEvent[] = [];
      for (const [i, at] of [50, 40, 60, 40, 70].entries()) {
        appended.push(
          await store.appendAudit({ event: 'write', at, request_id: i % 2 === 0 ? 'req_even' : 'req_odd' }),
        );
      }
      const ids = appended.map((e) => e.id);
      expect((await store.listAudit()).map((e) => e.id)).toEqual(ids);
      expect((await store.listAudit({ order: 'desc', limit: 2 })).map((e) => e.id)).toEqual([ids[4], ids[3]]);
      expect((await store.listAudit({ since: 50 })).map((e) => e.at)).toEqual([50, 60, 70]);
      expect((await store.listAudit({ requestId: 'req_odd' })).map((e) => e.id)).toEqual([ids[1], ids[3]]);
      expect((await store.listAudit({ limit: 2 })).map((e) => e.id)).toEqual([ids[0], ids[1]]);
    });

    it('iterates over every entry in append order across batches', async () => {
      const store = await h.fresh();
      const ids: number[] = [];
      for (let i = 0; i < 7; i += 1) ids.push((await store.appendAudit({ event: 'read', at: 100 - i })).id);
      const seen: number[] = [];
      for await (const event of store.iterateAudit({ batchSize: 3 })) seen.push(event.id);
      expect(seen).toEqual(ids);
      const empty = await h.fresh();
      for await (const _ of empty.iterateAudit()) expect.unreachable('an empty trail yields nothing');
    });
  });

  describe('digest subscriptions', () => {
    it('creates and lists subscriptions, all or per channel, oldest first', async () => {
      const store = await h.fresh();
      const first = await store.createSubscription(subscription());
      const all = subscription({ id: 'sub_2', project_ids: null, muted_sections: [], created_at: 2000 });
      await store.createSubscription(all);
      await store.createSubscription(subscription({ id: 'sub_3', channel_id: 'C_OTHER', created_at: 1500 }));
      expect(first).toEqual(subscription());
      expect(await store.listSubscriptions('C_FINANCE')).toEqual([subscription(), all]);
      expect((await store.listSubscriptions()).map((s) => s.id)).toEqual(['sub_1', 'sub_3', 'sub_2']);
      expect(await store.listSubscriptions('C_NONE')).toEqual([]);
    });

    it('deletes a subscription only from its own channel', async () => {
      const store = await h.fresh();
      await store.createSubscription(subscription());
      expect(await store.deleteSubscription('sub_1', 'C_OTHER')).toBe(false);
      expect(await store.listSubscriptions()).toHaveLength(1);
      expect(await store.deleteSubscription('sub_1', 'C_FINANCE')).toBe(true);
      expect(await store.deleteSubscription('sub_1', 'C_FINANCE')).toBe(false);
      expect(await store.listSubscriptions()).toEqual([]);
    });
  });
}
