import type { AuditLog } from '../admin-api/audit-logs.js';

/** A channel's audit watch: which event types (exact, or a family as `family.*`) are posted there. */
export interface WatchSubscription {
  id: string;
  channel_id: string;
  /** Patterns as typed, e.g. `api_key.created` or `service_account.*`. */
  types: string[];
  created_by: string;
  created_at: number;
}

/** Audit watches and the one cursor every watch shares, in the store. */
export interface WatchStore {
  createWatch(watch: WatchSubscription): Promise<WatchSubscription>;
  /** One channel's watches, or every channel's, oldest first. */
  listWatches(channelId?: string): Promise<WatchSubscription[]>;
  /** Deletes only when the watch belongs to `channelId`. */
  deleteWatch(id: string, channelId: string): Promise<boolean>;
  /** The id of the newest audit event already handled; undefined before the first poll. */
  getWatchCursor(): Promise<string | undefined>;
  setWatchCursor(lastId: string, at: number): Promise<void>;
}

/** Events of one poll for one channel: posted one per line, the rest folded into a count. */
export interface WatchBatch {
  channelId: string;
  events: readonly AuditLog[];
}

/** Where watched events are posted; the Slack layer implements it and paces posts within Slack's rate limits. */
export interface WatchPublisher {
  postEvents(batch: WatchBatch): Promise<void>;
  /** Says how many more matching events a catch-up folded, by type. */
  postFolded(channelId: string, folded: number, byType: ReadonlyMap<string, number>): Promise<void>;
}
