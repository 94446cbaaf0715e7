import type { Kysely } from 'kysely';
import type { SecretStore } from '../domain/secrets/secret-store.js';
import type { Database } from './database.js';
import { toPendingSecret } from './row-codec.js';

type SecretMethods = SecretStore;

/** Encrypted one-time secrets. Taking one is a single DELETE ... RETURNING, so only one caller gets it. */
export function secretMethods(db: Kysely<Database>): SecretMethods {
  return {
    async putSecret(secret) {
      await db
        .insertInto('pending_secrets')
        .values({
          id: secret.id,
          owner_user_id: secret.owner_user_id,
          ciphertext: secret.ciphertext,
          created_at: secret.created_at,
          expires_at: secret.expires_at,
        })
        .execute();
    },

    async takeSecret(id, ownerUserId, now) {
      const row = await db
        .deleteFrom('pending_secrets')
        .where('id', '=', id)
        .where('owner_user_id', '=', ownerUserId)
        .returningAll()
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const secret = toPendingSecret(row);
      return now !== undefined && secret.expires_at <= now ? undefined : secret;
    },

    async purgeSecrets(now) {
      const result = await db.deleteFrom('pending_secrets').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
