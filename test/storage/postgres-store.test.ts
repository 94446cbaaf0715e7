import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/create-store.js';
import { MIGRATIONS } from '../../src/storage/migrations.js';
import { failPostgresTransitionsTo } from '../helpers/sql-faults.js';
import { describeStoreContract } from './store-contract.js';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const skipWhenUnreachable = process.env.SKIP_POSTGRES === '1';
const prefix = `store_test_${process.pid}_${randomBytes(4).toString('hex')}`;
const schemas: string[] = [];

const withoutPassword = (value: string) => value.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

async function query<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

async function unreachableReason(): Promise<string | undefined> {
  try {
    await query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const newSchema = () => {
  const schema = `${prefix}_${schemas.length + 1}`;
  schemas.push(schema);
  return schema;
};
const currentSchema = () => schemas.at(-1) ?? newSchema();

const unreachable = await unreachableReason();

if (unreachable === undefined) {
  afterAll(async () => {
    if (schemas.length > 0) await query(schemas.map((s) => `drop schema if exists "${s}" cascade;`).join('\n'));
  });

  describeStoreContract(
    'PostgreSQL',
    () => createStore(url, { schema: newSchema() }),
    () => createStore(url, { schema: currentSchema() }),
    (state) => failPostgresTransitionsTo(url, currentSchema(), state),
  );

  describe('PostgreSQL store', () => {
    it('applies migrations once when two processes start together on an empty schema', async () => {
      const schema = newSchema();
      const logged: object[] = [];
      const logger = { info: (obj: object) => logged.push(obj) };
      const stores = await Promise.all([createStore(url, { schema, logger }), createStore(url, { schema, logger })]);
      await Promise.all(stores.map((store) => store.close()));
      const ids = MIGRATIONS.map((m) => m.id);
      expect(logged).toHaveLength(2);
      expect(logged).toEqual(
        expect.arrayContaining([
          { dialect: 'postgres', applied: ids },
          { dialect: 'postgres', applied: [] },
        ]),
      );
      const rows = await query<{ id: number }>(`select id from "${schema}".storage_migrations order by id`);
      expect(rows.map((row) => Number(row.id))).toEqual(ids);
    });

    it('keeps tables inside the schema it was given', async () => {
      const schema = newSchema();
      await (await createStore(url, { schema })).close();
      const tables = await query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = '${schema}' order by table_name`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining([
          'approval_requests',
          'audit_events',
          'leases',
          'pending_secrets',
          'storage_migrations',
        ]),
      );
    });

    it('rejects a schema name that is not a plain lowercase identifier', async () => {
      await expect(createStore(url, { schema: 'Bad; drop table x' })).rejects.toThrow(/Invalid schema name/);
    });
  });
} else if (skipWhenUnreachable) {
  describe.skip(`PostgreSQL store (unreachable at ${withoutPassword(url)}, SKIP_POSTGRES=1)`, () => {
    it('is skipped', () => {});
  });
} else {
  describe('PostgreSQL store', () => {
    it('needs a reachable PostgreSQL', () => {
      throw new Error(
        `PostgreSQL is not reachable at ${withoutPassword(url)}: ${unreachable}. ` +
          'Start PostgreSQL, point TEST_DATABASE_URL at one, or set SKIP_POSTGRES=1 to skip these tests.',
      );
    });
  });
}
