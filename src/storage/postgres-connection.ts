import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

const INT8_OID = 20;

/** Pool settings for `openPostgres`. */
export interface PostgresConnectionOptions {
  /** Sets search_path to this schema on every connection. */
  schema?: string;
  /** Maximum pooled connections; defaults to 10. */
  poolSize?: number;
  /** Called when an idle pooled connection fails (the pool replaces it). */
  onIdleError?: (error: Error) => void;
}

/**
 * Opens a pg.Pool of its own: int8 (bigint, count) values are parsed to numbers on this pool only, so
 * millisecond timestamps come back as numbers without touching pg's global parsers.
 */
export function openPostgres(url: string, options: PostgresConnectionOptions = {}): Kysely<Database> {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, (value: string) => Number(value));
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
