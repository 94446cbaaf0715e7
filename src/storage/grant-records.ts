import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from './database.js';

/** The states a stored grant moves through (see the domain's grant port for their meaning). */
export const GRANT_STATES = ['active', 'undoing', 'ended', 'drifted', 'cancelled'] as const;

const integer = z.coerce.number().int();
const text = z.string().nullable();

const grantRow = z.object({
  id: z.string(),
  kind: z.enum(['project_member', 'org_owner']),
  project_id: text,
  project_name: text,
  user_id: z.string(),
  user_email: text,
  granted_role: z.string(),
  previous_role: text,
  grantee_chat_id: text,
  granted_by: z.string(),
  request_id: text,
  reason: text,
  state: z.enum(GRANT_STATES),
  created_at: integer,
  expires_at: integer,
  due_at: integer,
  attempts: integer,
  owner: text,
  lease_until: integer.nullable(),
  last_error: text,
  revoked_by: text,
  ended_at: integer.nullable(),
  outcome: text,
});

/** One stored grant. */
export type GrantRecord = z.output<typeof grantRow>;

/** What `insertGrant` needs; the rest starts empty and `state` starts `active`, due at expiry. */
export type NewGrantRecord = Omit<
  GrantRecord,
  'state' | 'due_at' | 'attempts' | 'owner' | 'lease_until' | 'last_error' | 'revoked_by' | 'ended_at' | 'outcome'
>;

const decode = (row: unknown): GrantRecord => {
  const parsed = grantRow.safeParse(row);
  if (!parsed.success) throw new Error(`Unreadable grants row in the store: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
};

/** Time-bound grants. Every change of state is one conditional UPDATE ... RETURNING. */
export function grantRecords(db: Kysely<Database>) {
  return {
    async insertGrant(grant: NewGrantRecord): Promise<GrantRecord> {
      const row = await db
        .insertInto('grants')
        .values({
          ...grant,
          state: 'active',
          due_at: grant.expires_at,
          attempts: 0,
          owner: null,
          lease_until: null,
          last_error: null,
          revoked_by: null,
          ended_at: null,
          outcome: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return decode(row);
    },

    async getGrant(id: string): Promise<GrantRecord | undefined> {
      const row = await db.selectFrom('grants').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? decode(row) : undefined;
    },

    async listActiveGrants(options: { granteeChatId?: string; limit?: number } = {}): Promise<GrantRecord[]> {
      const rows = await db
        .selectFrom('grants')
        .selectAll()
        .where('state', 'in', ['active', 'undoing'])
        .$if(options.granteeChatId !== undefined, (qb) => qb.where('grantee_chat_id', '=', options.granteeChatId ?? ''))
        .orderBy('expires_at')
        .orderBy('id')
        .limit(options.limit ?? 100)
        .execute();
      return rows.map(decode);
    },

    async listDueGrants(now: number, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('grants')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'active'), eb('due_at', '<=', now)]),
            eb.and([eb('state', '=', 'undoing'), eb('lease_until', '<=', now)]),
          ]),
        )
        .orderBy('due_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => row.id);
    },

    async claimGrant(id: string, owner: string, now: number, ttlMs: number): Promise<GrantRecord | undefined> {
      const row = await db
        .updateTable('grants')
        .set((eb) => ({ state: 'undoing', owner, lease_until: now + ttlMs, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'active'), eb('due_at', '<=', now)]),
            eb.and([eb('state', '=', 'undoing'), eb('lease_until', '<=', now)]),
          ]),
        )
        .returningAll()
        .executeTakeFirst();
      return row ? decode(row) : undefined;
    },

    async finishGrant(
      id: string,
      owner: string,
      state: 'ended' | 'drifted',
      fields: { ended_at: number; outcome: string },
    ): Promise<GrantRecord | undefined> {
      const row = await db
        .updateTable('grants')
        .set({ state, ended_at: fields.ended_at, outcome: fields.outcome, lease_until: null })
        .where('id', '=', id)
        .where('state', '=', 'undoing')
        .where('owner', '=', owner)
        .returningAll()
        .executeTakeFirst();
      return row ? decode(row) : undefined;
    },

    async retryGrant(id: string, owner: string, dueAt: number, error: string): Promise<GrantRecord | undefined> {
      const row = await db
        .updateTable('grants')
        .set({ state: 'active', due_at: dueAt, last_error: error, owner: null, lease_until: null })
        .where('id', '=', id)
        .where('state', '=', 'undoing')
        .where('owner', '=', owner)
        .returningAll()
        .executeTakeFirst();
      return row ? decode(row) : undefined;
    },

    async revokeGrant(id: string, by: string, now: number): Promise<GrantRecord | undefined> {
      const row = await db
        .updateTable('grants')
        .set({ due_at: now, revoked_by: by })
        .where('id', '=', id)
        .where('state', '=', 'active')
        .returningAll()
        .executeTakeFirst();
      return row ? decode(row) : undefined;
    },

    async cancelGrant(id: string, reason: string, now: number): Promise<GrantRecord | undefined> {
      const row = await db
        .updateTable('grants')
        .set({ state: 'cancelled', outcome: reason, ended_at: now })
        .where('id', '=', id)
        .where('state', '=', 'active')
        .returningAll()
        .executeTakeFirst();
      return row ? decode(row) : undefined;
    },
  };
}

/** The grant methods of the store. */
export type GrantRecords = ReturnType<typeof grantRecords>;
