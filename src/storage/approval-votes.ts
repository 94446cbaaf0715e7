import type { Kysely } from 'kysely';
import { encodePatch } from './approval-requests.js';
import type { Database } from './database.js';
import { pageSize } from './page-size.js';
import { toApprovalRequest, toApprovalVote } from './row-codec.js';
import type { Store } from './store.js';

type VoteMethods = Pick<Store, 'addApproval' | 'listApprovals' | 'settleApproval' | 'listApprovable'>;

const countVotes = async (db: Kysely<Database>, requestId: string, ignoring: readonly string[] = []) => {
  const { n } = await db
    .selectFrom('approval_votes')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('request_id', '=', requestId)
    .$if(ignoring.length > 0, (q) => q.where('user_id', 'not in', ignoring))
    .executeTakeFirstOrThrow();
  return Number(n);
};

/** Votes on approval requests, and the one transaction that turns enough votes into an approval. */
export function voteMethods(db: Kysely<Database>): VoteMethods {
  return {
    async addApproval(requestId, userId, at) {
      await db
        .insertInto('approval_votes')
        .values({ request_id: requestId, user_id: userId, at })
        .onConflict((oc) => oc.columns(['request_id', 'user_id']).doNothing())
        .execute();
      return countVotes(db, requestId);
    },

    async listApprovals(requestId) {
      const rows = await db
        .selectFrom('approval_votes')
        .selectAll()
        .where('request_id', '=', requestId)
        .orderBy('at')
        .orderBy('user_id')
        .execute();
      return rows.map(toApprovalVote);
    },

    settleApproval(requestId, { vote, required, ignoring, patch = {} }) {
      return db.transaction().execute(async (trx) => {
        // Touching the row first locks it (PostgreSQL) or takes the write lock (SQLite), so concurrent votes on
        // one request are counted one after the other and the last of them sees every earlier one. (better-sqlite3
        // waits for a lock synchronously, so a process keeps to one store per SQLite file, as the bot does.)
        const locked = await trx
          .updateTable('approval_requests')
          .set((eb) => ({ state: eb.ref('state') }))
          .where('id', '=', requestId)
          .where('state', '=', 'pending')
          .returning('id')
          .executeTakeFirst();
        if (!locked) return undefined;
        if (vote) {
          await trx
            .insertInto('approval_votes')
            .values({ request_id: requestId, user_id: vote.userId, at: vote.at })
            .onConflict((oc) => oc.columns(['request_id', 'user_id']).doNothing())
            .execute();
        }
        const votes = await countVotes(trx, requestId, ignoring);
        if (votes >= required) {
          const row = await trx
            .updateTable('approval_requests')
            .set({ ...encodePatch(patch), state: 'approved' })
            .where('id', '=', requestId)
            .where('state', '=', 'pending')
            .returningAll()
            .executeTakeFirstOrThrow();
          return { request: toApprovalRequest(row), votes, approved: true };
        }
        const row = await trx
          .selectFrom('approval_requests')
          .selectAll()
          .where('id', '=', requestId)
          .executeTakeFirstOrThrow();
        return { request: toApprovalRequest(row), votes, approved: false };
      });
    },

    async listApprovable(options) {
      const rows = await db
        .selectFrom('approval_requests as r')
        .selectAll('r')
        .where('r.state', '=', 'pending')
        .where(({ eb, selectFrom, ref }) =>
          eb(
            selectFrom('approval_votes as v')
              .select((v) => v.fn.countAll().as('n'))
              .whereRef('v.request_id', '=', 'r.id'),
            '>=',
            ref('r.required_approvals'),
          ),
        )
        .orderBy('r.created_at')
        .orderBy('r.id')
        .limit(pageSize(options?.limit, 100))
        .execute();
      return rows.map(toApprovalRequest);
    },
  };
}
