import { type Kysely, sql } from 'kysely';
import { approvalCountMethods } from './approval-counts.js';
import { approvalMethods } from './approval-requests.js';
import { voteMethods } from './approval-votes.js';
import { auditMethods } from './audit-trail.js';
import { coordinationMethods } from './coordination.js';
import type { Database, SqlDialect } from './database.js';
import { subscriptionMethods } from './digest-subscriptions.js';
import { grantRecords } from './grant-records.js';
import { secretMethods } from './pending-secrets.js';
import type { Store } from './store.js';
import { reportingUnavailability } from './unavailable.js';
import { watchRecords } from './watch-records.js';

/**
 * The Store over a migrated Kysely instance. The queries are written once for SQLite and PostgreSQL; the
 * store owns `db` and destroys it on `close()`. A database that does not answer in time surfaces as
 * `StoreUnavailableError`.
 */
export function createKyselyStore(db: Kysely<Database>, dialect: SqlDialect): Store {
  let closing: Promise<void> | undefined;
  return reportingUnavailability<Store>({
    ...approvalMethods(db),
    ...voteMethods(db),
    ...approvalCountMethods(db),
    ...auditMethods(db),
    ...subscriptionMethods(db),
    ...coordinationMethods(db, dialect),
    ...secretMethods(db),
    grants: grantRecords(db),
    watches: watchRecords(db),

    async ping() {
      await sql`select 1`.execute(db);
    },

    close() {
      closing ??= db.destroy();
      return closing;
    },
  });
}
