import type { PendingSecret } from './pending-secret.js';

/** Encrypted key values waiting for their owner, in the store. */
export interface SecretStore {
  putSecret(secret: PendingSecret): Promise<void>;
  /**
   * Deletes and returns the secret, only for its owner, so it is revealed at most once. With `now`, an
   * expired secret is deleted but not returned.
   */
  takeSecret(id: string, ownerUserId: string, now?: number): Promise<PendingSecret | undefined>;
  /** Deletes secrets with `expires_at <= now`; returns how many. */
  purgeSecrets(now: number): Promise<number>;
}
