import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Coordination } from '../domain/coordination/ports.js';
import type { Database, SqlDialect } from './database.js';

type CoordinationMethods = Coordination;

/**
 * The database's own clock in milliseconds since the epoch. Lease expiry is judged by it alone, so replicas
 * whose clocks disagree still agree on whether a lease is live.
 */
export function databaseNowMs(dialect: SqlDialect): RawBuilder<number> {
  return dialect === 'postgres'
    ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
    : sql<number>`cast(unixepoch('subsec') * 1000 as integer)`;
}

/**
 * Cross-replica coordination. Each operation is a single statement the database serializes on the primary
 * key, so exactly one concurrent caller wins. A lease belongs to a token (one per holder, e.g. per execution),
 * never to a process.
 */
export function coordinationMethods(db: Kysely<Database>, dialect: SqlDialect): CoordinationMethods {
  const now = databaseNowMs(dialect);
  const until = (ttlMs: number) => sql<number>`${now} + ${Math.max(1, Math.round(ttlMs))}`;
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

    async acquireLease(name, token, ttlMs) {
      const row = await db
        .insertInto('leases')
        .values({ name, owner: token, expires_at: until(ttlMs) })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ owner: token, expires_at: until(ttlMs) })
            .where((eb) => eb.or([eb('leases.expires_at', '<=', now), eb('leases.owner', '=', token)])),
        )
        .returning('name')
        .executeTakeFirst();
      return row !== undefined;
    },

    async renewLease(name, token, ttlMs) {
      const row = await db
        .updateTable('leases')
        .set({ expires_at: until(ttlMs) })
        .where('name', '=', name)
        .where('owner', '=', token)
        .returning('name')
        .executeTakeFirst();
      return row !== undefined;
    },

    async releaseLease(name, token) {
      const result = await db
        .deleteFrom('leases')
        .where('name', '=', name)
        .where('owner', '=', token)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
