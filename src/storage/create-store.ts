import type { Kysely } from 'kysely';
import type { Database, SqlDialect } from './database.js';
import { createKyselyStore } from './kysely-store.js';
import { migrate } from './migrate.js';
import { MIGRATION_TIMEOUTS, openPostgres, type PostgresTimeouts, QUERY_TIMEOUTS } from './postgres-connection.js';
import { openSqlite } from './sqlite-connection.js';
import type { Store } from './store.js';
import { isUnavailable } from './unavailable.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Options for `createStore`. */
export interface CreateStoreOptions {
  logger?: { info(obj: object, msg?: string): void };
  /**
   * PostgreSQL only: keep every table in this schema (created if missing) by setting search_path, e.g. a
   * fresh schema per test file. Lowercase letters, digits and underscores.
   */
  schema?: string;
  /** PostgreSQL only: maximum pooled connections, default 10. */
  poolSize?: number;
  /** PostgreSQL only: bounds on everyday queries (default `QUERY_TIMEOUTS`; migrations get longer ones). */
  timeouts?: PostgresTimeouts;
}

type Target = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

/** Reads `sqlite:<path>`, `sqlite::memory:`, `postgres://...` or `postgresql://...`. */
export function parseDatabaseUrl(databaseUrl: string): Target {
  if (databaseUrl.startsWith('sqlite:')) {
    const rest = databaseUrl.slice('sqlite:'.length);
    const path = rest.startsWith('//') ? rest.slice(2) : rest;
    if (path === '') throw new Error('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/openai-bot.db');
    return { dialect: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return { dialect: 'postgres', url: databaseUrl };
  throw new Error('DATABASE_URL must be sqlite:<path> or postgres://...');
}

/**
 * Opens the database named by `databaseUrl`, applies pending migrations and returns the Store. Several
 * processes may call this at once against one database; each migration still runs once.
 */
export async function createStore(databaseUrl: string, options: CreateStoreOptions = {}): Promise<Store> {
  const target = parseDatabaseUrl(databaseUrl);
  const { schema, logger } = options;
  if (schema !== undefined && target.dialect !== 'postgres') {
    throw new Error('The schema option applies to PostgreSQL only');
  }
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid schema name "${schema}": use lowercase letters, digits and underscores`);
  }
  const dialect: SqlDialect = target.dialect;
  const onIdleError = (error: Error) => logger?.info({ err: error }, 'idle PostgreSQL connection failed');
  const openWith = (timeouts: PostgresTimeouts, poolSize?: number): Kysely<Database> =>
    target.dialect === 'sqlite'
      ? openSqlite(target.path)
      : openPostgres(target.url, {
          ...(schema === undefined ? {} : { schema }),
          ...(poolSize === undefined ? {} : { poolSize }),
          timeouts,
          onIdleError,
        });
  const db = openWith(options.timeouts ?? QUERY_TIMEOUTS, options.poolSize);
  // Migrations may wait behind another replica's, so on PostgreSQL they run on a connection of their own.
  const migrator = target.dialect === 'postgres' ? openWith(MIGRATION_TIMEOUTS, 1) : db;
  try {
    const applied = await migrate(migrator, dialect, schema === undefined ? {} : { schema });
    logger?.info({ dialect, applied }, applied.length > 0 ? 'storage migrations applied' : 'storage schema up to date');
  } catch (error) {
    await db.destroy();
    if (target.dialect === 'postgres' && isUnavailable(error)) {
      const where = new URL(target.url).host;
      throw new Error(`PostgreSQL did not answer at ${where}: ${(error as Error).message}`, { cause: error });
    }
    throw error;
  } finally {
    if (migrator !== db) await migrator.destroy().catch(() => undefined);
  }
  return createKyselyStore(db, dialect);
}
