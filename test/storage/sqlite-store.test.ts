import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/create-store.js';
import { MIGRATIONS } from '../../src/storage/migrations.js';
import { failSqliteTransitionsTo } from '../helpers/sql-faults.js';
import { newRequest } from './contract/harness.js';
import { describeStoreContract } from './store-contract.js';

const root = mkdtempSync(join(tmpdir(), 'store-sqlite-'));
let counter = 0;
let currentPath = '';

afterAll(() => rmSync(root, { recursive: true, force: true }));

const freshPath = () => {
  counter += 1;
  currentPath = join(root, `case-${counter}`, 'nested', 'store.db');
  return currentPath;
};

describeStoreContract(
  'SQLite file',
  () => createStore(`sqlite:${freshPath()}`),
  () => createStore(`sqlite:${currentPath}`),
  (state) => failSqliteTransitionsTo(currentPath, state),
);

describe('SQLite store', () => {
  it('works in memory', async () => {
    const store = await createStore('sqlite::memory:');
    try {
      const { id } = await store.insert(newRequest({ state: 'approved' }));
      expect(await store.transition(id, 'approved', 'executing')).toMatchObject({ id, state: 'executing' });
      expect(await store.transition(id, 'approved', 'executing')).toBeUndefined();
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('records each migration once and uses WAL journaling', async () => {
    const path = freshPath();
    const logged: object[] = [];
    const logger = { info: (obj: object) => logged.push(obj) };
    await (await createStore(`sqlite:${path}`, { logger })).close();
    await (await createStore(`sqlite://${path}`, { logger })).close();
    expect(logged).toEqual([
      { dialect: 'sqlite', applied: MIGRATIONS.map((m) => m.id) },
      { dialect: 'sqlite', applied: [] },
    ]);
    const db = new SqliteDatabase(path, { readonly: true });
    try {
      const rows = db.prepare('select id, name from storage_migrations order by id').all();
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ id: m.id, name: m.name })));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('rejects URLs it cannot open, and the PostgreSQL-only schema option', async () => {
    await expect(createStore('mysql://localhost/db')).rejects.toThrow(/sqlite:<path> or postgres/);
    await expect(createStore('sqlite:')).rejects.toThrow(/file path/);
    await expect(createStore('sqlite::memory:', { schema: 'x' })).rejects.toThrow(/PostgreSQL only/);
  });
});
