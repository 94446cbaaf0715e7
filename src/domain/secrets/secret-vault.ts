import { randomBytes } from 'node:crypto';
import { UsageError } from '../../errors.js';
import type { Actor } from '../actor.js';
import type { OperationDeps } from '../ports.js';
import type {
  RevealedSecret,
  RevealOutcome,
  SecretCourier,
  SecretReceipt,
  SecretToDeliver,
  SecretVault,
  ShowSecret,
} from './ports.js';
import type { SecretCipher } from './secret-cipher.js';
import type { SecretStore } from './secret-store.js';

/** How long a new key value waits to be revealed before it is deleted. */
export const SECRET_TTL_MS = 15 * 60_000;

const SECRET_ID = /^sec_[0-9a-f]{32}$/;

const GONE =
  'This key can no longer be revealed: it was already revealed, its 15 minutes ran out, or it was sent to someone else. ' +
  'Nobody else can see it; if you did not save it, delete the key and create a new one.';

const KEPT = 'Slack could not show the key just now. It is still kept for you, unseen by anyone: click Reveal again.';

export interface StoreSecretVaultDeps {
  store: SecretStore;
  cipher: SecretCipher;
  courier: SecretCourier;
  now: () => Date;
  ttlMs?: number;
  onDeliveryFailed?: (error: unknown, secretId: string) => void;
}

/** SecretVault over the store's pending secrets: ciphertext only, taken atomically, so revealed at most once. */
export class StoreSecretVault implements SecretVault {
  readonly #deps: StoreSecretVaultDeps;

  constructor(deps: StoreSecretVaultDeps) {
    this.#deps = deps;
  }

  async deliver(secret: SecretToDeliver): Promise<SecretReceipt> {
    const id = `sec_${randomBytes(16).toString('hex')}`;
    const createdAt = this.#deps.now().getTime();
    const ttlMs = this.#deps.ttlMs ?? SECRET_TTL_MS;
    const expiresAt = createdAt + ttlMs;
    const validMinutes = Math.round(ttlMs / 60_000);
    const payload = JSON.stringify({ title: secret.title, value: secret.value });
    try {
      await this.#deps.store.putSecret({
        id,
        owner_user_id: secret.ownerUserId,
        ciphertext: this.#deps.cipher.seal(payload, contextOf(id, secret.ownerUserId)),
        created_at: createdAt,
        expires_at: expiresAt,
      });
      await this.#deps.courier.offer({ secretId: id, ownerUserId: secret.ownerUserId, title: secret.title, expiresAt });
      return { delivered: true, expiresAt, validMinutes };
    } catch (error) {
      // The key exists in OpenAI either way; the reply says its value is lost. Keep nothing nobody can reach.
      await this.#deps.store.takeSecret(id, secret.ownerUserId).catch(() => undefined);
      this.#deps.onDeliveryFailed?.(error, id);
      return { delivered: false, expiresAt, validMinutes };
    }
  }

  async reveal(userId: string, secretId: string, show: ShowSecret): Promise<RevealOutcome> {
    if (!SECRET_ID.test(secretId)) return { kind: 'refused', message: GONE };
    // Taking the row is the claim: a second click while this one shows the value finds nothing.
    const row = await this.#deps.store.takeSecret(secretId, userId, this.#deps.now().getTime());
    if (!row) return { kind: 'refused', message: GONE };
    let secret: RevealedSecret;
    try {
      secret = JSON.parse(this.#deps.cipher.open(row.ciphertext, contextOf(row.id, row.owner_user_id)));
    } catch {
      return {
        kind: 'refused',
        message:
          'This key could not be decrypted (the bot’s admin key changed since it was created). Delete the key and create a new one.',
      };
    }
    try {
      await show({ title: secret.title, value: secret.value });
      return { kind: 'revealed', title: secret.title };
    } catch (error) {
      // Not shown, so not forgotten: the same ciphertext goes back, with its original expiry.
      await this.#deps.store.putSecret(row);
      return { kind: 'kept', message: KEPT, error };
    }
  }

  purgeExpired(): Promise<number> {
    return this.#deps.store.purgeSecrets(this.#deps.now().getTime());
  }
}

const contextOf = (id: string, owner: string) => `${id}:${owner}`;

/**
 * The vault for an operation about to create a credential, checked before anything is created: the value
 * can only go to a person in Slack, privately.
 */
export function vaultFor(deps: OperationDeps, actor: Actor): SecretVault {
  if (!deps.secrets) throw new UsageError('This bot cannot deliver new keys privately here, so it creates none.');
  if (actor.source !== 'slack' || actor.userId.startsWith('cli:')) {
    throw new UsageError('New keys are shown only in Slack, privately to the person who asked; run this from Slack.');
  }
  return deps.secrets;
}

/** What the requester is told about a new key's value, in the reply; never the value itself. */
export function deliveryNotes(receipt: SecretReceipt, remedy: string): string[] {
  if (!receipt.delivered) {
    return [`The direct message with its value could not be sent, so the value is lost; ${remedy}.`];
  }
  return [
    `Its value went to the requester alone, in a direct message whose Reveal button works once, within ${receipt.validMinutes} minutes.`,
  ];
}
