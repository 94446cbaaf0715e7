import type { DigestSubscription } from './subscription.js';

/** Digest subscriptions in the store. */
export interface SubscriptionStore {
  createSubscription(subscription: DigestSubscription): Promise<DigestSubscription>;
  /** Subscriptions of one channel, or of all channels, oldest first. */
  listSubscriptions(channelId?: string): Promise<DigestSubscription[]>;
  /** Deletes only when the subscription belongs to `channelId`; true when one was deleted. */
  deleteSubscription(id: string, channelId: string): Promise<boolean>;
}
