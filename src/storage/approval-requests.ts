import type { Kysely, Updateable } from 'kysely';
import type { ApprovalPatch } from '../domain/approvals/model.js';
import type { ApprovalRequestsTable, Database } from './database.js';
import { pageSize } from './page-size.js';
import { toApprovalRequest, toJsonText } from './row-codec.js';
import type { Store } from './store.js';

type ApprovalMethods = Pick<
  Store,
  'insert' | 'get' | 'transition' | 'setCard' | 'listByState' | 'listRecent' | 'listExpired'
>;

export function encodePatch(patch: ApprovalPatch): Updateable<ApprovalRequestsTable> {
  const { result, error, ...plain } = patch;
  const encoded: Updateable<ApprovalRequestsTable> = { ...plain };
  if (result !== undefined) encoded.result = toJsonText(result);
  if (error !== undefined) encoded.error = toJsonText(error);
  return encoded;
}

/** Approval requests. Every state change is one conditional UPDATE ... RETURNING. */
export function approvalMethods(db: Kysely<Database>): ApprovalMethods {
  return {
    async insert(request) {
      const row = await db
        .insertInto('approval_requests')
        .values({
          id: request.id,
          operation: request.operation,
          input: JSON.stringify(request.input),
          summary: request.summary,
          requester_id: request.requester_id,
          requester_email: request.requester_email ?? null,
          requester_source: request.requester_source ?? 'slack',
          channel_id: request.channel_id,
          reason: request.reason ?? null,
          state: request.state ?? 'pending',
          required_approvals: request.required_approvals,
          approver_role: request.approver_role,
          created_at: request.created_at,
          expires_at: request.expires_at,
          card_channel: request.card_channel ?? null,
          card_ts: request.card_ts ?? null,
          result: null,
          error: null,
          openai_request_id: null,
          decided_by: null,
          decided_at: null,
          decision_reason: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toApprovalRequest(row);
    },

    async get(id) {
      const row = await db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toApprovalRequest(row);
    },

    async transition(id, from, to, patch = {}) {
      const states: readonly string[] = typeof from === 'string' ? [from] : from;
      if (states.length === 0) return undefined;
      const row = await db
        .updateTable('approval_requests')
        .set({ ...encodePatch(patch), state: to })
        .where('id', '=', id)
        .where('state', 'in', states)
        .returningAll()
        .executeTakeFirst();
      return row && toApprovalRequest(row);
    },

    async setCard(id, channel, ts) {
      const result = await db
        .updateTable('approval_requests')
        .set({ card_channel: channel, card_ts: ts })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async listByState(states, options) {
      if (states.length === 0) return [];
      const rows = await db
        .selectFrom('approval_requests')
        .selectAll()
        .where('state', 'in', states)
        .orderBy('created_at')
        .orderBy('id')
        .limit(pageSize(options?.limit, 100))
        .execute();
      return rows.map(toApprovalRequest);
    },

    async listRecent(options) {
      const rows = await db
        .selectFrom('approval_requests')
        .selectAll()
        .where('state', '<>', 'pending')
        .orderBy((eb) => eb.fn.coalesce('decided_at', 'created_at'), 'desc')
        .orderBy('id', 'desc')
        .limit(pageSize(options?.limit, 20))
        .execute();
      return rows.map(toApprovalRequest);
    },

    async listExpired(now, options) {
      const rows = await db
        .selectFrom('approval_requests')
        .selectAll()
        .where('state', '=', 'pending')
        .where('expires_at', '<=', now)
        .orderBy('expires_at')
        .orderBy('id')
        .limit(pageSize(options?.limit, 100))
        .execute();
      return rows.map(toApprovalRequest);
    },
  };
}
