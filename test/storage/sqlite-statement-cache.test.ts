import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingStatements, STATEMENT_CACHE_SIZE } from '../../src/storage/sqlite-connection.js';

/** A real in-memory database whose compilations are counted. */
function countedDatabase() {
  const sqlite = new SqliteDatabase(':memory:');
  const compiled: string[] = [];
  const counted = {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      compiled.push(sql);
      return sqlite.prepare(sql);
    },
  } as Pick<SqliteDatabase.Database, 'close' | 'prepare'>;
  return { database: cachingStatements(counted), compiled };
}

describe('compiled SQLite statements', () => {
  it('are compiled once and reused, with the answers of each run', () => {
    const { database, compiled } = countedDatabase();
    database.prepare('create table t (n integer)').run([]);
    for (let n = 1; n <= 3; n += 1) database.prepare('insert into t (n) values (?)').run([n]);
    expect(database.prepare('select sum(n) as total from t').all([])).toEqual([{ total: 6 }]);
    database.prepare('insert into t (n) values (?)').run([4]);
    expect(database.prepare('select sum(n) as total from t').all([])).toEqual([{ total: 10 }]);
    expect(compiled.filter((sql) => sql.startsWith('insert'))).toHaveLength(1);
    expect(compiled.filter((sql) => sql.startsWith('select'))).toHaveLength(1);
    database.close();
  });

  it('are kept up to a bound, the least recently used given up first', () => {
    const { database, compiled } = countedDatabase();
    const select = (n: number) => `select ${n} as n`;
    database.prepare(select(0));
    for (let n = 1; n <= STATEMENT_CACHE_SIZE; n += 1) {
      database.prepare(select(n));
      database.prepare(select(0)); // kept in use, so never the one given up
    }
    expect(compiled).toHaveLength(STATEMENT_CACHE_SIZE + 1);
    database.prepare(select(0));
    database.prepare(select(STATEMENT_CACHE_SIZE));
    expect(compiled).toHaveLength(STATEMENT_CACHE_SIZE + 1);
    database.prepare(select(1)); // the least recently used: given up when the bound was passed, so compiled again
    expect(compiled).toHaveLength(STATEMENT_CACHE_SIZE + 2);
    database.close();
  });
});
