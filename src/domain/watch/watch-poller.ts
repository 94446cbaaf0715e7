import { randomBytes } from 'node:crypto';
import type { AdminApi } from '../admin-api/admin-api.js';
import type { AuditLog } from '../admin-api/audit-logs.js';
import type { Coordination } from '../coordination/ports.js';
import type { WatchPublisher, WatchStore, WatchSubscription } from './ports.js';
import { matchesType } from './watch-types.js';

export interface WatchPollerDeps {
  watches: WatchStore;
  coordination: Coordination;
  admin: AdminApi;
  publisher: WatchPublisher;
  now: () => Date;
  owner: string;
  onError?: (error: unknown) => void;
}

export interface WatchPollerOptions {
  /** How often the audit log is read (default 60 s, so an event is posted within two minutes). */
  intervalMs?: number;
  /** Events posted one by one per channel and poll; more are folded into a count (bounded catch-up). */
  maxPostedPerChannel?: number;
  /** Events per posted message. */
  perMessage?: number;
  timer?: boolean;
}

/**
 * Sets the shared cursor at the newest audit event, once, when the first watch is made: watches post what happens
 * from then on (history is what /openai audit is for).
 */
export async function startWatchCursor(admin: AdminApi, watches: WatchStore, now: number): Promise<void> {
  if ((await watches.getWatchCursor()) !== undefined) return;
  const { data } = await admin.auditLogs.page({ limit: 1 });
  await watches.setWatchCursor(data.data[0]?.id ?? '', now);
}

const LEASE = 'audit-watch';
const LEASE_MS = 120_000;

interface ChannelHits {
  posted: AuditLog[];
  folded: Map<string, number>;
  foldedCount: number;
  firstFoldedId?: string;
}

/**
 * One poll serves every watch: it reads the audit log forward from the stored cursor (100 events a page, oldest new
 * page first), posts each matching event once per channel, then stores the new cursor. One replica polls at a time
 * (a lease); each message is claimed once before it is posted, so a poll repeated after a crash posts nothing twice.
 */
export class WatchPoller {
  readonly #deps: WatchPollerDeps;
  readonly #options: Required<WatchPollerOptions>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(deps: WatchPollerDeps, options: WatchPollerOptions = {}) {
    this.#deps = deps;
    this.#options = {
      intervalMs: options.intervalMs ?? 60_000,
      maxPostedPerChannel: options.maxPostedPerChannel ?? 100,
      perMessage: options.perMessage ?? 20,
      timer: options.timer ?? true,
    };
  }

  /** One poll; concurrent calls share it. */
  tick(): Promise<void> {
    this.#running ??= this.#poll()
      .catch((error: unknown) => this.#deps.onError?.(error))
      .finally(() => {
        this.#running = undefined;
      });
    return this.#running;
  }

  #now(): number {
    return this.#deps.now().getTime();
  }

  async #poll(): Promise<void> {
    const { coordination, owner, watches } = this.#deps;
    const subscriptions = await watches.listWatches();
    if (subscriptions.length === 0) return;
    // A token per poll, so a lease that lapsed during a slow poll is never mistaken for this poll's own.
    const token = `${owner}:${randomBytes(6).toString('hex')}`;
    if (!(await coordination.acquireLease(LEASE, token, LEASE_MS))) return;
    try {
      const cursor = await watches.getWatchCursor();
      if (cursor === undefined) {
        await startWatchCursor(this.#deps.admin, watches, this.#now());
        return;
      }
      const hits = new Map<string, ChannelHits>();
      let last = cursor;
      for await (const page of this.#pagesAfter(cursor)) {
        for (const event of page) this.#collect(event, subscriptions, hits);
        last = page.at(-1)?.id ?? last;
        await coordination.renewLease(LEASE, token, LEASE_MS);
      }
      await this.#publish(hits);
      if (last !== cursor) await watches.setWatchCursor(last, this.#now());
    } finally {
      await coordination.releaseLease(LEASE, token);
    }
  }

  /** Pages of events newer than `cursor`, each oldest first. An empty cursor means the log was empty. */
  async *#pagesAfter(cursor: string): AsyncGenerator<AuditLog[]> {
    if (cursor === '') {
      const all: AuditLog[] = [];
      for await (const event of this.#deps.admin.auditLogs.list()) all.push(event);
      yield all.reverse();
      return;
    }
    let before = cursor;
    for (;;) {
      const { data } = await this.#deps.admin.auditLogs.page({ before, limit: 100 });
      if (data.data.length === 0) return;
      yield [...data.data].reverse();
      before = data.first_id ?? data.data[0]?.id ?? before;
      if (!data.has_more) return;
    }
  }

  #collect(event: AuditLog, subscriptions: readonly WatchSubscription[], hits: Map<string, ChannelHits>): void {
    const channels = new Set(subscriptions.filter((s) => matchesType(event.type, s.types)).map((s) => s.channel_id));
    for (const channel of channels) {
      const hit: ChannelHits = hits.get(channel) ?? { posted: [], folded: new Map(), foldedCount: 0 };
      hits.set(channel, hit);
      if (hit.posted.length < this.#options.maxPostedPerChannel) hit.posted.push(event);
      else {
        hit.firstFoldedId ??= event.id;
        hit.foldedCount += 1;
        hit.folded.set(event.type, (hit.folded.get(event.type) ?? 0) + 1);
      }
    }
  }

  async #publish(hits: Map<string, ChannelHits>): Promise<void> {
    const { coordination, owner, publisher } = this.#deps;
    const size = this.#options.perMessage;
    for (const [channelId, hit] of hits) {
      for (let i = 0; i < hit.posted.length; i += size) {
        const events = hit.posted.slice(i, i + size);
        if (await coordination.claimOnce(`watch:${channelId}:${events[0]?.id}`, owner, this.#now())) {
          await publisher.postEvents({ channelId, events });
        }
      }
      if (
        hit.foldedCount > 0 &&
        (await coordination.claimOnce(`watch:${channelId}:fold:${hit.firstFoldedId}`, owner, this.#now()))
      ) {
        await publisher.postFolded(channelId, hit.foldedCount, hit.folded);
      }
    }
  }

  start(): void {
    if (!this.#options.timer) return;
    this.#timer = setInterval(() => void this.tick(), this.#options.intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }
}
