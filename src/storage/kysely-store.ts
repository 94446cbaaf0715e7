import { type Kysely, sql } from 'kysely';
import { approvalMethods } from './approval-requests.js';
import { auditMethods } from './audit-trail.js';
import { coordinationMethods } from './coordination.js';
import type { Database } from './database.js';
import { subscriptionMethods } from './digest-subscriptions.js';
import { grantRecords } from './grant-records.js';
import { secretMethods } from './pending-secrets.js';
import type { Store } from './store.js';
import { watchRecords } from './watch-records.js';

/**
 * The Store over a migrated Kysely instance. The queries are written once for SQLite and PostgreSQL; the
 * store owns `db` and destroys it on `close()`.
 */
export function createKyselyStore(db: Kysely<Database>): Store {
  let closing: Promise<void> | undefined;
  return {
    ...approvalMethods(db),
    ...auditMethods(db),
    ...subscriptionMethods(db),
    ...coordinationMethods(db),
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
  };
}
