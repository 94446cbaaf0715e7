import { describe, expect, it } from 'vitest';
import type { PendingSecret } from '../../../src/domain/secrets/pending-secret.js';
import type { ContractHarness } from './harness.js';

const secret = (overrides: Partial<PendingSecret> = {}): PendingSecret => ({
  id: 'sec_1',
  owner_user_id: 'U_OWNER',
  ciphertext: 'v1:iv:ciphertext:tag',
  created_at: 1000,
  expires_at: 2000,
  ...overrides,
});

/** Once-only markers, leases and one-time secrets. */
export function describeCoordinationContract(h: ContractHarness): void {
  describe('once-only markers', () => {
    it('is true for the first claim of a key and false for every later one', async () => {
      const store = await h.fresh();
      expect(await store.claimOnce('alert:proj_1:alert_1:80:2024-05', 'replica-a', 1)).toBe(true);
      expect(await store.claimOnce('alert:proj_1:alert_1:80:2024-05', 'replica-b', 2)).toBe(false);
      expect(await store.claimOnce('alert:proj_1:alert_1:80:2024-05', 'replica-a', 3)).toBe(false);
      expect(await store.claimOnce('alert:proj_1:alert_1:80:2024-06', 'replica-b', 4)).toBe(true);
    });
  });

  describe('leases', () => {
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it('refuses a live lease to every other token, even one from the same process, and lets its own token renew', async () => {
      const store = await h.fresh();
      expect(await store.acquireLease('execution:req_1', 'run-1', 60_000)).toBe(true);
      expect(await store.acquireLease('execution:req_1', 'run-2', 60_000)).toBe(false);
      expect(await store.renewLease('execution:req_1', 'run-2', 60_000)).toBe(false);
      expect(await store.acquireLease('execution:req_1', 'run-1', 60_000)).toBe(true);
      expect(await store.renewLease('execution:req_1', 'run-1', 60_000)).toBe(true);
      expect(await store.acquireLease('execution:req_2', 'run-2', 60_000)).toBe(true);
    });

    it('expires by the database clock, whatever the caller believes the time is', async () => {
      const store = await h.fresh();
      expect(await store.acquireLease('digests', 'a', 300)).toBe(true);
      expect(await store.acquireLease('digests', 'b', 300)).toBe(false);
      await pause(450);
      expect(await store.acquireLease('digests', 'b', 60_000)).toBe(true);
      expect(await store.renewLease('digests', 'a', 60_000)).toBe(false);
      expect(await store.acquireLease('digests', 'a', 60_000)).toBe(false);
    });

    it('keeps a renewed lease alive past its first expiry', async () => {
      const store = await h.fresh();
      expect(await store.acquireLease('digests', 'a', 400)).toBe(true);
      await pause(250);
      expect(await store.renewLease('digests', 'a', 400)).toBe(true);
      await pause(250);
      expect(await store.acquireLease('digests', 'b', 400)).toBe(false);
    });

    it('is released only by its own token, and is then free for anyone', async () => {
      const store = await h.fresh();
      await store.acquireLease('digests', 'a', 60_000);
      expect(await store.releaseLease('digests', 'b')).toBe(false);
      expect(await store.acquireLease('digests', 'b', 60_000)).toBe(false);
      expect(await store.releaseLease('digests', 'a')).toBe(true);
      expect(await store.releaseLease('digests', 'a')).toBe(false);
      expect(await store.renewLease('digests', 'a', 60_000)).toBe(false);
      expect(await store.acquireLease('digests', 'b', 60_000)).toBe(true);
    });
  });

  describe('pending secrets', () => {
    it('gives nothing to a non-owner and leaves the secret for its owner, who gets it once', async () => {
      const store = await h.fresh();
      await store.putSecret(secret());
      expect(await store.takeSecret('sec_1', 'U_SOMEONE_ELSE')).toBeUndefined();
      expect(await store.takeSecret('sec_1', 'U_OWNER')).toEqual(secret());
      expect(await store.takeSecret('sec_1', 'U_OWNER')).toBeUndefined();
      expect(await store.takeSecret('sec_missing', 'U_OWNER')).toBeUndefined();
    });

    it('does not reveal an expired secret when the caller passes now, and deletes it', async () => {
      const store = await h.fresh();
      await store.putSecret(secret());
      expect(await store.takeSecret('sec_1', 'U_OWNER', 2000)).toBeUndefined();
      expect(await store.takeSecret('sec_1', 'U_OWNER')).toBeUndefined();
      await store.putSecret(secret({ id: 'sec_2' }));
      expect(await store.takeSecret('sec_2', 'U_OWNER', 1999)).toMatchObject({ id: 'sec_2' });
    });

    it('purges only expired secrets and reports how many', async () => {
      const store = await h.fresh();
      await store.putSecret(secret({ id: 'old', expires_at: 1500 }));
      await store.putSecret(secret({ id: 'edge', expires_at: 1600 }));
      await store.putSecret(secret({ id: 'fresh', expires_at: 1601 }));
      expect(await store.purgeSecrets(1600)).toBe(2);
      expect(await store.purgeSecrets(1600)).toBe(0);
      expect(await store.takeSecret('old', 'U_OWNER')).toBeUndefined();
      expect(await store.takeSecret('fresh', 'U_OWNER')).toMatchObject({ id: 'fresh' });
    });
  });
}
