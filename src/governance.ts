import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { AdminApi } from './domain/admin-api/admin-api.js';
import { GrantExpirer } from './domain/grants/grant-expirer.js';
import { GrantService } from './domain/grants/grant-service.js';
import type { Policy } from './domain/policy/policy.js';
import { WatchPoller } from './domain/watch/watch-poller.js';
import { createGrantNotifier } from './slack/adapters/grant-notifier.js';
import { createWatchPublisher } from './slack/adapters/watch-publisher.js';
import type { Store } from './storage/store.js';

/** Test and tuning knobs of the grant expirer and the audit watch. */
export interface GovernanceOptions {
  /** Whether the grant expirer runs its own timer; tests turn it off and call `grantExpirer.tick()`. */
  grantTimer?: boolean;
  /** How often the grant expirer looks for due grants (default 15 s). */
  grantIntervalMs?: number;
  /** Grant undos in flight at once (default 16). */
  grantConcurrency?: number;
  /** Whether the audit watch polls on its own timer; tests turn it off and call `watch.tick()`. */
  watchTimer?: boolean;
  watchIntervalMs?: number;
  /** The least time between two watch posts in one channel (default 1 s, Slack's pace for chat.postMessage). */
  watchPaceMs?: number;
}

export interface GovernanceParts {
  logger: Logger;
  slack: WebClient;
  store: Store;
  admin: AdminApi;
  now: () => Date;
  policy: Policy;
  /** This replica, as the holder of grants it undoes and of the audit watch poll. */
  owner: string;
  overrides: GovernanceOptions;
}

/** Part of the composition root: time-bound grants (ledger and expiry worker) and the audit watch poll. */
export function buildGovernance({ logger, slack, store, admin, now, policy, owner, overrides }: GovernanceParts) {
  const grantLogger = logger.child({ layer: 'grants' });
  const grantNotifier = createGrantNotifier(slack, policy.approvalChannel, grantLogger);
  const grantExpirer = new GrantExpirer(
    {
      grants: store.grants,
      admin,
      now,
      notifier: grantNotifier,
      audit: (event) => store.appendAudit(event),
      approverOf: async (requestId) => (await store.get(requestId))?.decided_by,
      owner: owner,
      onError: (error) => grantLogger.error({ err: error }, 'grant expiry failed'),
    },
    {
      timer: overrides.grantTimer ?? true,
      ...(overrides.grantIntervalMs ? { intervalMs: overrides.grantIntervalMs } : {}),
      ...(overrides.grantConcurrency ? { concurrency: overrides.grantConcurrency } : {}),
    },
  );
  const grants = new GrantService({
    grants: store.grants,
    expirer: grantExpirer,
    now,
    policy: policy.document.grants,
    people: grantNotifier,
  });
  const watchLogger = logger.child({ layer: 'watch' });
  const watch = new WatchPoller(
    {
      watches: store.watches,
      coordination: store,
      admin,
      publisher: createWatchPublisher(slack, watchLogger, overrides.watchPaceMs ?? 1_000),
      now,
      owner: owner,
      onError: (error) => watchLogger.error({ err: error }, 'audit watch poll failed'),
    },
    {
      timer: overrides.watchTimer ?? true,
      ...(overrides.watchIntervalMs ? { intervalMs: overrides.watchIntervalMs } : {}),
    },
  );
  return { grants, grantExpirer, watch };
}
