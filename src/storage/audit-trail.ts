import type { Kysely } from 'kysely';
import type { AuditEvent } from '../domain/audit-trail/model.js';
import type { AuditTrail } from '../domain/audit-trail/ports.js';
import type { Database } from './database.js';
import { pageSize } from './page-size.js';
import { toAuditEvent, toJsonText } from './row-codec.js';

type AuditMethods = AuditTrail;

/** The append-only audit trail: rows are inserted and read, never updated or deleted. */
export function auditMethods(db: Kysely<Database>): AuditMethods {
  return {
    async appendAudit(event) {
      const row = await db
        .insertInto('audit_events')
        .values({
          request_id: event.request_id ?? null,
          event: event.event,
          actor_id: event.actor_id ?? null,
          at: event.at,
          operation: event.operation ?? null,
          input: toJsonText(event.input),
          detail: toJsonText(event.detail),
          openai_request_id: event.openai_request_id ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAuditEvent(row);
    },

    async listAudit(query = {}) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .$if(query.since !== undefined, (qb) => qb.where('at', '>=', query.since ?? 0))
        .$if(query.requestId !== undefined, (qb) => qb.where('request_id', '=', query.requestId ?? ''))
        .orderBy('id', query.order === 'desc' ? 'desc' : 'asc')
        .limit(pageSize(query.limit, 100))
        .execute();
      return rows.map(toAuditEvent);
    },

    iterateAudit(options = {}) {
      const batchSize = pageSize(options.batchSize, 500);
      return (async function* (): AsyncGenerator<AuditEvent> {
        let after = 0;
        for (;;) {
          const rows = await db
            .selectFrom('audit_events')
            .selectAll()
            .where('id', '>', after)
            .orderBy('id')
            .limit(batchSize)
            .execute();
          for (const row of rows) {
            const event = toAuditEvent(row);
            after = event.id;
            yield event;
          }
          if (rows.length < batchSize) return;
        }
      })();
    },
  };
}
