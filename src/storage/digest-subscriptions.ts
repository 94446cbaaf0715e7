import type { Kysely } from 'kysely';
import type { SubscriptionStore } from '../domain/digests/subscription-store.js';
import type { Database } from './database.js';
import { toDigestSubscription } from './row-codec.js';

type SubscriptionMethods = SubscriptionStore;

/** Channels' spend digest subscriptions. */
export function subscriptionMethods(db: Kysely<Database>): SubscriptionMethods {
  return {
    async createSubscription(subscription) {
      const row = await db
        .insertInto('digest_subscriptions')
        .values({
          id: subscription.id,
          channel_id: subscription.channel_id,
          schedule: subscription.schedule,
          timezone: subscription.timezone,
          project_ids: subscription.project_ids === null ? null : JSON.stringify(subscription.project_ids),
          muted_sections: JSON.stringify(subscription.muted_sections),
          created_by: subscription.created_by,
          created_at: subscription.created_at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDigestSubscription(row);
    },

    async listSubscriptions(channelId) {
      const rows = await db
        .selectFrom('digest_subscriptions')
        .selectAll()
        .$if(channelId !== undefined, (qb) => qb.where('channel_id', '=', channelId ?? ''))
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toDigestSubscription);
    },

    async deleteSubscription(id, channelId) {
      const result = await db
        .deleteFrom('digest_subscriptions')
        .where('id', '=', id)
        .where('channel_id', '=', channelId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
