import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Store } from './store.js';

type CoordinationMethods = Pick<Store, 'claimOnce' | 'acquireLease' | 'releaseLease'>;

/**
 * Cross-replica coordination. Both operations are a single INSERT ... ON CONFLICT statement, which the
 * database serializes on the primary key, so exactly one concurrent caller wins.
 */
export function coordinationMethods(db: Kysely<Database>): CoordinationMethods {
  return {
    async claimOnce(key, owner, at) {
      const row = await db
        .insertInto('once_markers')
        .values({ key, owner, claimed_at: at })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .executeTakeFirst();
      return row !== undefined;
    },

    async acquireLease(name, owner, now, ttlMs) {
      const expiresAt = now + ttlMs;
      const row = await db
        .insertInto('leases')
        .values({ name, owner, expires_at: expiresAt })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ owner, expires_at: expiresAt })
            .where((eb) => eb.or([eb('leases.expires_at', '<=', now), eb('leases.owner', '=', owner)])),
        )
        .returning('name')
        .executeTakeFirst();
      return row !== undefined;
    },

    async releaseLease(name, owner) {
      const result = await db
        .deleteFrom('leases')
        .where('name', '=', name)
        .where('owner', '=', owner)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
