import type { Kysely } from 'kysely';
import { APPROVAL_STATES, type ApprovalState } from '../domain/approvals/model.js';
import type { Database } from './database.js';
import type { Store } from './store.js';

/** How many requests are in each state: one GROUP BY over the state index, cheap enough for every scrape. */
export function approvalCountMethods(db: Kysely<Database>): Pick<Store, 'countApprovalsByState'> {
  return {
    async countApprovalsByState() {
      const rows = await db
        .selectFrom('approval_requests')
        .select(['state', (eb) => eb.fn.countAll<number | string | bigint>().as('count')])
        .groupBy('state')
        .execute();
      const counts = Object.fromEntries(APPROVAL_STATES.map((state) => [state, 0])) as Record<ApprovalState, number>;
      for (const row of rows) {
        if ((APPROVAL_STATES as readonly string[]).includes(row.state)) {
          counts[row.state as ApprovalState] = Number(row.count);
        }
      }
      return counts;
    },
  };
}
