import { type Kysely, sql } from 'kysely';
import type { Database, SqlDialect } from './database.js';
import { MIGRATIONS, type Migration } from './migrations.js';

const LOCK_NAME = 'openai-org-slack-bot:storage-migrations';

/** How `migrate` runs. */
export interface MigrateOptions {
  /** PostgreSQL only: create this schema (under the lock) before migrating; search_path must name it. */
  schema?: string;
  migrations?: readonly Migration[];
}

/**
 * Applies the migrations not yet recorded in `storage_migrations` and returns their ids. All of it runs in
 * one transaction that holds a database-wide lock (a PostgreSQL advisory lock, or SQLite's write lock via
 * BEGIN IMMEDIATE), so processes starting together apply each migration once and the rest find it done.
 */
export async function migrate(
  db: Kysely<Database>,
  dialect: SqlDialect,
  options: MigrateOptions = {},
): Promise<number[]> {
  const migrations = [...(options.migrations ?? MIGRATIONS)].sort((a, b) => a.id - b.id);
  if (dialect === 'postgres') {
    return db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`${LOCK_NAME}:${options.schema ?? ''}`}))`.execute(trx);
      if (options.schema) await sql`create schema if not exists ${sql.id(options.schema)}`.execute(trx);
      return applyPending(trx, dialect, migrations);
    });
  }
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const applied = await applyPending(conn, dialect, migrations);
      await sql`commit`.execute(conn);
      return applied;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

async function applyPending(db: Kysely<Database>, dialect: SqlDialect, migrations: readonly Migration[]) {
  await db.schema
    .createTable('storage_migrations')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'bigint', (c) => c.notNull())
    .execute();
  const rows = await db.selectFrom('storage_migrations').select('id').execute();
  const done = new Set(rows.map((row) => Number(row.id)));
  const applied: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.id)) continue;
    await migration.up(db, dialect);
    await db
      .insertInto('storage_migrations')
      .values({ id: migration.id, name: migration.name, applied_at: Date.now() })
      .execute();
    applied.push(migration.id);
  }
  return applied;
}
