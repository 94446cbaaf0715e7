import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/storage/store.js';
import { describeApprovalCountContract } from './contract/approval-counts.js';
import { describeApprovalContract } from './contract/approvals.js';
import { describeAuditAndSubscriptionContract } from './contract/audit-and-subscriptions.js';
import { describeConcurrencyContract } from './contract/concurrency.js';
import { describeCoordinationContract } from './contract/coordination.js';
import { describeGrantContract } from './contract/grants.js';
import { type ContractHarness, newRequest } from './contract/harness.js';
import { describeVoteContract } from './contract/votes.js';

/**
 * The behaviour every Store must have. `makeStore` opens a store on a fresh, empty database; `reopen`
 * opens a second store (own connections, migrations run again) on the database of the latest `makeStore`;
 * `failTransitionsTo` injects a database fault there.
 */
export function describeStoreContract(
  name: string,
  makeStore: () => Promise<Store>,
  reopen: () => Promise<Store>,
  failTransitionsTo: ContractHarness['failTransitionsTo'],
): void {
  describe(`Store contract: ${name}`, () => {
    const opened: Store[] = [];
    const track = async (open: () => Promise<Store>) => {
      const store = await open();
      opened.push(store);
      return store;
    };
    const harness: ContractHarness = { fresh: () => track(makeStore), sibling: () => track(reopen), failTransitionsTo };

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    describeApprovalContract(harness);
    describeVoteContract(harness);
    describeApprovalCountContract(harness);
    describeConcurrencyContract(harness);
    describeCoordinationContract(harness);
    describeAuditAndSubscriptionContract(harness);
    describeGrantContract(harness);

    describe('lifecycle', () => {
      it('answers ping while open and rejects after close, which may be called twice', async () => {
        const store = await harness.fresh();
        await expect(store.ping()).resolves.toBeUndefined();
        await store.close();
        await store.close();
        await expect(store.ping()).rejects.toThrow();
      });

      it('opening the same database again re-runs migrations as a no-op and keeps every row', async () => {
        const first = await harness.fresh();
        const request = await first.insert(newRequest());
        await first.appendAudit({ event: 'requested', at: 1, request_id: request.id });
        await first.close();

        const again = await harness.sibling();
        const third = await harness.sibling();
        expect(await third.get(request.id)).toEqual(request);
        expect(await again.listAudit()).toHaveLength(1);
        await again.appendAudit({ event: 'approved', at: 2, request_id: request.id });
        expect((await third.listAudit()).map((e) => e.event)).toEqual(['requested', 'approved']);
      });
    });
  });
}
