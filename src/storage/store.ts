import type { ApprovalStore } from '../domain/approvals/approval-store.js';
import type { AuditTrail } from '../domain/audit-trail/ports.js';
import type { Coordination } from '../domain/coordination/ports.js';
import type { SubscriptionStore } from '../domain/digests/subscription-store.js';
import type { GrantStore } from '../domain/grants/ports.js';
import type { SecretStore } from '../domain/secrets/secret-store.js';
import type { WatchStore } from '../domain/watch/ports.js';

/**
 * The persistence port: every port the domain declares, in one database. Every state change is atomic in the
 * database, so several replicas sharing one database never both win a transition, a once-only claim, a lease or a
 * secret.
 */
export type Store = ApprovalStore &
  AuditTrail &
  SubscriptionStore &
  Coordination &
  SecretStore & {
    /** Time-bound grants and their undo, each change a compare-and-set. */
    readonly grants: GrantStore;
    /** Audit watches and their shared cursor. */
    readonly watches: WatchStore;
    /** Resolves when the database answers a trivial query. */
    ping(): Promise<void>;
    /** Closes connections; safe to call twice. */
    close(): Promise<void>;
  };
