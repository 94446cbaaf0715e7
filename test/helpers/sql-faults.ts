import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

/** Undoes an injected fault. */
export type Heal = () => Promise<void>;

/**
 * Makes the database itself refuse to move any approval request to `state` (a trigger raising an error), as a
 * failing disk or a dropped connection would at that statement. Works on a SQLite file from another connection.
 */
export async function failSqliteTransitionsTo(path: string, state: string): Promise<Heal> {
  const db = new SqliteDatabase(path);
  db.exec(`CREATE TRIGGER injected_fault BEFORE UPDATE OF state ON approval_requests
    WHEN NEW.state = '${state}' BEGIN SELECT RAISE(ABORT, 'injected fault'); END;`);
  return async () => {
    db.exec('DROP TRIGGER injected_fault');
    db.close();
  };
}

/** The same on PostgreSQL, in `schema`. */
export async function failPostgresTransitionsTo(url: string, schema: string, state: string): Promise<Heal> {
  const run = async (text: string) => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE FUNCTION "${schema}".injected_fault() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.state = '${state}' THEN RAISE EXCEPTION 'injected fault'; END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER injected_fault BEFORE UPDATE ON "${schema}".approval_requests
      FOR EACH ROW EXECUTE FUNCTION "${schema}".injected_fault();`);
  return () =>
    run(`DROP TRIGGER injected_fault ON "${schema}".approval_requests;
    DROP FUNCTION "${schema}".injected_fault();`);
}
