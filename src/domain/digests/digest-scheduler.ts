import { Cron } from 'croner';
import { describeError } from '../../error-text.js';
import type { AdminApi } from '../admin-api/admin-api.js';
import type { Coordination } from '../coordination/ports.js';
import { announceCrossings } from './alert-check.js';
import type { DigestPublisher } from './ports.js';
import { latestRun } from './schedule.js';
import { buildDigest } from './spend-digest.js';
import { fetchSpendSnapshot, type SpendSnapshot } from './spend-snapshot.js';
import type { DigestSubscription } from './subscription.js';
import type { SubscriptionStore } from './subscription-store.js';
import type { ThresholdCrossing } from './thresholds.js';

export interface DigestSchedulerDeps {
  readonly store: SubscriptionStore & Coordination;
  readonly admin: AdminApi;
  readonly publisher: DigestPublisher;
  readonly now: () => Date;
  readonly onError: (error: unknown, what: string) => void;
}

export interface DigestSchedulerOptions {
  /** This replica's name, recorded with each claim. */
  owner: string;
  /** Fractions of each spend alert at which to post, e.g. [0.5, 0.8, 1]. */
  alertLevels: readonly number[];
  /** How often threshold alerts are checked. */
  alertCheckMs: number;
  /** A digest missed by less than this (e.g. during a restart) is still sent, once. */
  catchUpMs: number;
  topProjects: number;
  /** Spend-alert calls in flight at once while reading a snapshot. */
  concurrency: number;
  /** Whether `start` runs a real timer; tests leave it off and call `tick` with their own clock. */
  timer: boolean;
}

/** What one tick did. */
export interface TickReport {
  /** `<subscription>@<period ISO>` of each digest this replica posted. */
  digests: string[];
  /** Threshold crossings this replica announced. */
  crossings: ThresholdCrossing[];
}

const ALERT_LEASE = 'digests:alert-check';

/**
 * Runs on every replica. Each tick finds, per subscription, the latest time its schedule fired (within the
 * catch-up window and after it was created); the replica that wins `claimOnce('digest:<id>:<period>')` posts it.
 * After downtime only the latest missed digest goes out. Threshold checks run every `alertCheckMs` on the
 * replica holding the check lease, and every announcement is itself claimed once.
 */
export class DigestScheduler {
  readonly #deps: DigestSchedulerDeps;
  readonly #options: DigestSchedulerOptions;
  /** Period (ms) last settled per subscription, so the store is asked once per period. */
  readonly #settledPeriods = new Map<string, number>();
  readonly #settledCrossings = new Set<string>();
  #settledMonth = '';
  #lastAlertCheck = Number.NEGATIVE_INFINITY;
  #ticker: Cron | undefined;
  #running: Promise<TickReport> | undefined;

  constructor(deps: DigestSchedulerDeps, options: DigestSchedulerOptions) {
    this.#deps = deps;
    this.#options = options;
  }

  /** One pass at the current time; concurrent calls share the pass in progress. */
  tick(): Promise<TickReport> {
    this.#running ??= this.#tick().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Checks thresholds now, whatever the lease and interval say (reusing `snapshot` when given). */
  async checkAlerts(snapshot?: SpendSnapshot): Promise<ThresholdCrossing[]> {
    const subscriptions = await this.#deps.store.listSubscriptions();
    if (subscriptions.length === 0) return [];
    const now = this.#deps.now();
    const current = snapshot ?? (await this.#snapshot(now));
    if (current.month.key !== this.#settledMonth) {
      this.#settledCrossings.clear();
      this.#settledMonth = current.month.key;
    }
    const deps = { ...this.#deps, owner: this.#options.owner, levels: this.#options.alertLevels };
    return announceCrossings(deps, current, subscriptions, now.getTime(), this.#settledCrossings);
  }

  start(): void {
    if (!this.#options.timer) return;
    void this.tick();
    this.#ticker = new Cron('* * * * *', { unref: true, protect: true, catch: true }, () => {
      void this.tick();
    });
  }

  /** Stops the timer, waits for a pass in progress and hands the check lease to the other replicas. */
  async stop(): Promise<void> {
    this.#ticker?.stop();
    await this.#running?.catch(() => undefined);
    await this.#deps.store.releaseLease(ALERT_LEASE, this.#options.owner).catch(() => undefined);
  }

  async #tick(): Promise<TickReport> {
    const now = this.#deps.now();
    const report: TickReport = { digests: [], crossings: [] };
    let snapshot: SpendSnapshot | undefined;
    try {
      const due = await this.#claimDue(now);
      if (due.length > 0) {
        snapshot = await this.#postDigests(due, now);
        report.digests = due.map(({ subscription, period }) => `${subscription.id}@${period.toISOString()}`);
      }
      if (now.getTime() - this.#lastAlertCheck >= this.#options.alertCheckMs) {
        this.#lastAlertCheck = now.getTime();
        const ttl = this.#options.alertCheckMs + 120_000;
        if (await this.#deps.store.acquireLease(ALERT_LEASE, this.#options.owner, ttl)) {
          report.crossings = await this.checkAlerts(snapshot);
        }
      }
    } catch (error) {
      this.#deps.onError(error, 'digest tick failed');
    }
    return report;
  }

  async #claimDue(now: Date): Promise<{ subscription: DigestSubscription; period: Date }[]> {
    const due: { subscription: DigestSubscription; period: Date }[] = [];
    for (const subscription of await this.#deps.store.listSubscriptions()) {
      const after = new Date(Math.max(subscription.created_at, now.getTime() - this.#options.catchUpMs));
      let period: Date | undefined;
      try {
        period = latestRun({ cron: subscription.schedule, timezone: subscription.timezone }, after, now);
      } catch (error) {
        this.#deps.onError(error, `subscription ${subscription.id} has an unusable schedule`);
      }
      if (!period || this.#settledPeriods.get(subscription.id) === period.getTime()) continue;
      const key = `digest:${subscription.id}:${period.toISOString()}`;
      const won = await this.#deps.store.claimOnce(key, this.#options.owner, now.getTime());
      this.#settledPeriods.set(subscription.id, period.getTime());
      if (won) due.push({ subscription, period });
    }
    return due;
  }

  /** Reads one snapshot for every digest due in this tick and posts each; returns the snapshot for reuse. */
  async #postDigests(
    due: readonly { subscription: DigestSubscription }[],
    now: Date,
  ): Promise<SpendSnapshot | undefined> {
    let snapshot: SpendSnapshot;
    try {
      snapshot = await this.#snapshot(now);
    } catch (error) {
      const { message, requestId } = describeError(error);
      const text = `The spend digest could not be built: ${message}${requestId ? ` (OpenAI request id ${requestId})` : ''}`;
      for (const { subscription } of due) {
        await this.#deps.publisher
          .postProblem(subscription.channel_id, text)
          .catch((postError: unknown) => this.#deps.onError(postError, 'could not report a failed digest'));
      }
      this.#deps.onError(error, 'spend digest could not be built');
      return undefined;
    }
    for (const { subscription } of due) {
      const digest = buildDigest(snapshot, {
        projectIds: subscription.project_ids,
        muted: subscription.muted_sections,
        topProjects: this.#options.topProjects,
      });
      await this.#deps.publisher
        .postDigest(subscription.channel_id, digest)
        .catch((error: unknown) => this.#deps.onError(error, `could not post digest ${subscription.id}`));
    }
    return snapshot;
  }

  #snapshot(now: Date): Promise<SpendSnapshot> {
    return fetchSpendSnapshot(this.#deps.admin, { now, concurrency: this.#options.concurrency });
  }
}
