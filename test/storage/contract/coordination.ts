import { describe, expect, it } from 'vitest';
import type { PendingSecret } from '../../../src/storage/store.js';
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
    it('blocks other owners until expiry, lets the holder renew, and allows takeover once expired', async () => {
      const store = await h.fresh();
      expect(await store.acquireLease('digests', 'a', 1000, 100)).toBe(true);
      expect(await store.acquireLease('digests', 'b', 1050, 100)).toBe(false);
      expect(await store.acquireLease('digests', 'a', 1050, 100)).toBe(true);
      expect(await store.acquireLease('digests', 'b', 1149, 100)).toBe(false);
      expect(await store.acquireLease('digests', 'b', 1150, 100)).toBe(true);
      expect(await store.acquireLease('digests', 'a', 1160, 100)).toBe(false);
      expect(await store.acquireLease('other', 'a', 1160, 100)).toBe(true);
    });

    it('is released only by its holder, and is then free for anyone', async () => {
      const store = await h.fresh();
      await store.acquireLease('digests', 'a', 1000, 60_000);
      expect(await store.releaseLease('digests', 'b')).toBe(false);
      expect(await store.acquireLease('digests', 'b', 1001, 60_000)).toBe(false);
      expect(await store.releaseLease('digests', 'a')).toBe(true);
      expect(await store.releaseLease('digests', 'a')).toBe(false);
      expect(await store.acquireLease('digests', 'b', 1002, 60_000)).toBe(true);
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
