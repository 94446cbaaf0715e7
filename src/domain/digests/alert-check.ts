import type { Coordination } from '../coordination/ports.js';
import type { DigestPublisher } from './ports.js';
import { isShown } from './sections.js';
import type { SpendSnapshot } from './spend-snapshot.js';
import type { DigestSubscription } from './subscription.js';
import { findCrossings, type ThresholdCrossing } from './thresholds.js';

export interface AlertCheckDeps {
  readonly store: Coordination;
  readonly publisher: DigestPublisher;
  /** This replica's name, recorded with each claim. */
  readonly owner: string;
  readonly levels: readonly number[];
  readonly onError: (error: unknown, what: string) => void;
}

/** Channels that hear about a crossing: their subscription covers its project (org alerts: unscoped ones). */
function channelsFor(crossing: ThresholdCrossing, subscriptions: readonly DigestSubscription[]): string[] {
  const covering = subscriptions.filter((sub) =>
    crossing.projectId === null
      ? sub.project_ids === null
      : sub.project_ids === null || sub.project_ids.includes(crossing.projectId),
  );
  return [...new Set(covering.map((sub) => sub.channel_id))];
}

/**
 * Announces each (spend alert, level) reached this month exactly once across every replica: a crossing is
 * posted only by the caller whose `claimOnce(crossing.key)` wins. Crossings nobody subscribes to stay unclaimed,
 * so a channel that subscribes later still hears about them. `settled` remembers keys already claimed (by anyone)
 * so repeated checks do not ask the store again.
 */
export async function announceCrossings(
  deps: AlertCheckDeps,
  snapshot: SpendSnapshot,
  subscriptions: readonly DigestSubscription[],
  now: number,
  settled: Set<string>,
): Promise<ThresholdCrossing[]> {
  const listening = subscriptions.filter((sub) => isShown(sub.muted_sections, 'alerts'));
  const byChannel = new Map<string, ThresholdCrossing[]>();
  const claimed: ThresholdCrossing[] = [];
  for (const crossing of findCrossings(snapshot, deps.levels)) {
    if (settled.has(crossing.key)) continue;
    const channels = channelsFor(crossing, listening);
    if (channels.length === 0) continue;
    const won = await deps.store.claimOnce(crossing.key, deps.owner, now);
    settled.add(crossing.key);
    if (!won) continue;
    claimed.push(crossing);
    for (const channel of channels) byChannel.set(channel, [...(byChannel.get(channel) ?? []), crossing]);
  }
  for (const [channel, crossings] of byChannel) {
    await deps.publisher
      .postCrossings(channel, crossings)
      .catch((error: unknown) => deps.onError(error, `could not post spend alerts to ${channel}`));
  }
  return claimed;
}
