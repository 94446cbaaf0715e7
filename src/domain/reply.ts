import type { WouldSend } from './admin-api/errors.js';
import type { SpendDigest } from './digests/spend-digest.js';

/**
 * What an operation reports back, independent of Slack or the terminal. Every string is plain text:
 * renderers escape it, so user input in a reply can never ping anyone or inject markup.
 */
export interface Reply {
  /** One line saying what happened; also the notification text. */
  title: string;
  /** Extra lines under the title. */
  notes?: string[];
  /** A listing; renderers paginate it within their limits. */
  items?: ReplyItem[];
  /** Shown instead of the listing when `items` is empty. */
  emptyText?: string;
  /** A channel the reply points to; renderers show it as a link that only members can open. */
  channelId?: string;
  /** OpenAI's `x-request-id` of the call that produced this, for support cases. */
  requestId?: string;
  /** The listing goes on; surfaces offer a "More" control that fetches the next page. */
  more?: ReplyMore;
  /** What produces this listing again from its first page; surfaces may offer the whole list as a file. */
  listing?: ReplyMore;
  /** `channel`: everyone in the channel sees the reply; by default only the person who asked. */
  visibility?: 'private' | 'channel';
  /** A spend digest's figures; surfaces that know digests lay them out, others show title and notes. */
  digest?: SpendDigest;
  /** In dry-run mode, the writes that were not sent, as they would have been; recorded in the audit trail. */
  dryRun?: WouldSend[];
}

/**
 * The next page of a listing: running the read operation `operation` with `input` produces it. `input` holds
 * only filters and an API cursor (never secrets), so a surface may carry it in a button and validate it back.
 */
export interface ReplyMore {
  operation: string;
  input: Record<string, unknown>;
}

export interface ReplyItem {
  title: string;
  /** Machine id shown in code style, e.g. `proj_abc`. */
  id?: string;
  /** A chat channel the item belongs to; surfaces that can show it as a link do. */
  channelId?: string;
  /** Short facts, e.g. ['reader', 'added 2026-01-02']. */
  facts?: string[];
}

export const formatDate = (unixSeconds: number | null | undefined): string =>
  unixSeconds ? new Date(unixSeconds * 1000).toISOString().slice(0, 10) : 'unknown';
