import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from './database.js';

const watchRow = z.object({
  id: z.string(),
  channel_id: z.string(),
  types: z.string().transform((text) => z.array(z.string()).parse(JSON.parse(text))),
  created_by: z.string(),
  created_at: z.coerce.number().int(),
});

/** One channel's audit watch as stored. */
export type WatchRecord = z.output<typeof watchRow>;

const CURSOR = 'audit-watch';

/** Audit watches and the one cursor they share. */
export function watchRecords(db: Kysely<Database>) {
  return {
    async createWatch(watch: WatchRecord): Promise<WatchRecord> {
      const row = await db
        .insertInto('watch_subscriptions')
        .values({ ...watch, types: JSON.stringify(watch.types) })
        .returningAll()
        .executeTakeFirstOrThrow();
      return watchRow.parse(row);
    },

    async listWatches(channelId?: string): Promise<WatchRecord[]> {
      const rows = await db
        .selectFrom('watch_subscriptions')
        .selectAll()
        .$if(channelId !== undefined, (qb) => qb.where('channel_id', '=', channelId ?? ''))
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => watchRow.parse(row));
    },

    async deleteWatch(id: string, channelId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('watch_subscriptions')
        .where('id', '=', id)
        .where('channel_id', '=', channelId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async getWatchCursor(): Promise<string | undefined> {
      const row = await db.selectFrom('watch_cursors').select('last_id').where('name', '=', CURSOR).executeTakeFirst();
      return row?.last_id;
    },

    async setWatchCursor(lastId: string, at: number): Promise<void> {
      await db
        .insertInto('watch_cursors')
        .values({ name: CURSOR, last_id: lastId, updated_at: at })
        .onConflict((oc) => oc.column('name').doUpdateSet({ last_id: lastId, updated_at: at }))
        .execute();
    },
  };
}

export type WatchRecords = ReturnType<typeof watchRecords>;
