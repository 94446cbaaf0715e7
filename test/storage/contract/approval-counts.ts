import { describe, expect, it } from 'vitest';
import { APPROVAL_STATES } from '../../../src/domain/approvals/model.js';
import { type ContractHarness, newRequest } from './harness.js';

/** Counting requests by state, as the metrics endpoint does at every scrape. */
export function describeApprovalCountContract(harness: ContractHarness): void {
  describe('approval counts', () => {
    it('counts requests in every state, 0 for states nobody is in', async () => {
      const store = await harness.fresh();
      const empty = await store.countApprovalsByState();
      expect(Object.keys(empty).sort()).toEqual([...APPROVAL_STATES].sort());
      expect(Object.values(empty).every((count) => count === 0)).toBe(true);

      const first = await store.insert(newRequest());
      await store.insert(newRequest());
      await store.insert(newRequest());
      await store.transition(first.id, 'pending', 'rejected');
      const counts = await store.countApprovalsByState();
      expect(counts.pending).toBe(2);
      expect(counts.rejected).toBe(1);
      expect(counts.approved).toBe(0);
    });
  });
}
