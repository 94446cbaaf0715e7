import type { Kysely } from 'kysely';
import type { Database, SqlDialect } from './database.js';

/** One numbered schema change. Applied at most once per database, in order, inside a transaction. */
export interface Migration {
  id: number;
  name: string;
  up(db: Kysely<Database>, dialect: SqlDialect): Promise<void>;
}

const approvalsAndAudit: Migration = {
  id: 1,
  name: 'approvals_and_audit',
  async up(db, dialect) {
    await db.schema
      .createTable('approval_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('operation', 'text', (c) => c.notNull())
      .addColumn('input', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('requester_id', 'text', (c) => c.notNull())
      .addColumn('requester_email', 'text')
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('required_approvals', 'integer', (c) => c.notNull())
      .addColumn('approver_role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('card_channel', 'text')
      .addColumn('card_ts', 'text')
      .addColumn('result', 'text')
      .addColumn('error', 'text')
      .addColumn('openai_request_id', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'bigint')
      .addColumn('decision_reason', 'text')
      .execute();
    await db.schema
      .createIndex('approval_requests_state_created_idx')
      .on('approval_requests')
      .columns(['state', 'created_at'])
      .execute();
    await db.schema
      .createIndex('approval_requests_state_expires_idx')
      .on('approval_requests')
      .columns(['state', 'expires_at'])
      .execute();

    await db.schema
      .createTable('approval_votes')
      .addColumn('request_id', 'text', (c) => c.notNull().references('approval_requests.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('approval_votes_pk', ['request_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('audit_events')
      .$call((t) =>
        dialect === 'postgres'
          ? t.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
          : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
      )
      .addColumn('request_id', 'text')
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('operation', 'text')
      .addColumn('input', 'text')
      .addColumn('detail', 'text')
      .addColumn('openai_request_id', 'text')
      .execute();
    await db.schema.createIndex('audit_events_request_idx').on('audit_events').columns(['request_id', 'id']).execute();
    await db.schema.createIndex('audit_events_at_idx').on('audit_events').columns(['at', 'id']).execute();
  },
};

const digestSubscriptions: Migration = {
  id: 2,
  name: 'digest_subscriptions',
  async up(db) {
    await db.schema
      .createTable('digest_subscriptions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('schedule', 'text', (c) => c.notNull())
      .addColumn('timezone', 'text', (c) => c.notNull())
      .addColumn('project_ids', 'text')
      .addColumn('muted_sections', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('digest_subscriptions_channel_idx')
      .on('digest_subscriptions')
      .columns(['channel_id', 'created_at'])
      .execute();
  },
};

const coordinationAndSecrets: Migration = {
  id: 3,
  name: 'once_markers_leases_pending_secrets',
  async up(db) {
    await db.schema
      .createTable('once_markers')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('claimed_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('pending_secrets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_user_id', 'text', (c) => c.notNull())
      .addColumn('ciphertext', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pending_secrets_expires_idx').on('pending_secrets').column('expires_at').execute();
  },
};

const requesterSource: Migration = {
  id: 4,
  name: 'approval_requests_requester_source',
  async up(db) {
    await db.schema
      .alterTable('approval_requests')
      .addColumn('requester_source', 'text', (c) => c.notNull().defaultTo('slack'))
      .execute();
  },
};

const grants: Migration = {
  id: 5,
  name: 'grants',
  async up(db) {
    await db.schema
      .createTable('grants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('project_id', 'text')
      .addColumn('project_name', 'text')
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('user_email', 'text')
      .addColumn('granted_role', 'text', (c) => c.notNull())
      .addColumn('previous_role', 'text')
      .addColumn('grantee_chat_id', 'text')
      .addColumn('granted_by', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text')
      .addColumn('reason', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('due_at', 'bigint', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('owner', 'text')
      .addColumn('lease_until', 'bigint')
      .addColumn('last_error', 'text')
      .addColumn('revoked_by', 'text')
      .addColumn('ended_at', 'bigint')
      .addColumn('outcome', 'text')
      .execute();
    await db.schema.createIndex('grants_state_due_idx').on('grants').columns(['state', 'due_at']).execute();
    await db.schema.createIndex('grants_grantee_idx').on('grants').columns(['grantee_chat_id', 'state']).execute();
  },
};

const auditWatches: Migration = {
  id: 6,
  name: 'audit_watches',
  async up(db) {
    await db.schema
      .createTable('watch_subscriptions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('types', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('watch_cursors')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('last_id', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};

/** Every migration, in the order it must run. Append new ones; never edit or renumber applied ones. */
export const MIGRATIONS: readonly Migration[] = [
  approvalsAndAudit,
  digestSubscriptions,
  coordinationAndSecrets,
  requesterSource,
  grants,
  auditWatches,
];
