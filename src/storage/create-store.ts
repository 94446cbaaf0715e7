import type { Kysely } from 'kysely';
import type { Database, SqlDialect } from './database.js';
import { createKyselyStore } from './kysely-store.js';
import { migrate } from './migrate.js';
import { openPostgres } from './postgres-connection.js';
import { openSqlite } from './sqlite-connection.js';
import type { Store } from './store.js';

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
  const db: Kysely<Database> =
    target.dialect === 'sqlite'
      ? openSqlite(target.path)
      : openPostgres(target.url, {
          ...(schema === undefined ? {} : { schema }),
          ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
          onIdleError: (error) => logger?.info({ err: error }, 'idle PostgreSQL connection failed'),
        });
  const dialect: SqlDialect = target.dialect;
  try {
    const applied = await migrate(db, dialect, schema === undefined ? {} : { schema });
    logger?.info({ dialect, applied }, applied.length > 0 ? 'storage migrations applied' : 'storage schema up to date');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyStore(db, dialect);
}
