import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type SqliteDatabase as KyselySqliteDatabase, SqliteDialect, type SqliteStatement } from 'kysely';
import type { Database } from './database.js';

/** How long a connection waits for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;
/** Distinct statements kept compiled; the store issues a few dozen shapes, and IN lists of varied length a few more. */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * Opens a SQLite file (creating its directory) or `:memory:`. WAL lets readers run beside the one writer;
 * busy_timeout makes a second process wait for the write lock instead of failing at once.
 */
export function openSqlite(path: string): Kysely<Database> {
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!inMemory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
}

/**
 * Kysely prepares every query anew, and SQLite's compiling of the text was a large share of an approval's cost. The
 * store runs the same statements over and over, so compiled ones are kept (least recently used go first). Sharing
 * one is safe: every query runs to completion synchronously, and the store never streams rows.
 */
export function cachingStatements(sqlite: Pick<SqliteDatabase.Database, 'close' | 'prepare'>): KyselySqliteDatabase {
  const compiled = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const known = compiled.get(sql);
      if (known) {
        compiled.delete(sql);
        compiled.set(sql, known);
        return known;
      }
      const statement = sqlite.prepare(sql);
      compiled.set(sql, statement);
      if (compiled.size > STATEMENT_CACHE_SIZE) compiled.delete(compiled.keys().next().value as string);
      return statement;
    },
  };
}
