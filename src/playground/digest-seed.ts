import type { Container } from '../container.js';
import { CHANNELS } from './workspace/seed.js';

const OPS = CHANNELS[0]?.id ?? 'CPLAYOPS';
const TWO_DAYS_MS = 2 * 86_400_000;

/**
 * #ops subscribes to a daily 09:00 UTC spend digest on the first start, as if subscribed two days ago, so the
 * scheduler posts today's (or, before 09:00, yesterday's) digest with its chart at once, as it would after a restart.
 */
export async function seedDigest(container: Pick<Container, 'store' | 'digests'>): Promise<void> {
  const existing = await container.store.listSubscriptions(OPS);
  if (existing.length > 0) return;
  await container.store.createSubscription({
    id: 'dig_playground',
    channel_id: OPS,
    schedule: '0 9 * * *',
    timezone: 'UTC',
    project_ids: null,
    muted_sections: [],
    created_by: 'UPLAYADMIN',
    created_at: Date.now() - TWO_DAYS_MS,
  });
  // The scheduler's first pass began at start, before this subscription existed; the next pass sees it.
  await container.digests.tick();
  await container.digests.tick();
}
