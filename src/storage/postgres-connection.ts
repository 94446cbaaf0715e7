import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

const INT8_OID = 20;

/** How long PostgreSQL may take before the caller gets an error instead of waiting. */
export interface PostgresTimeouts {
  /** Opening a connection, or waiting for a free one in a full pool. */
  connectMs: number;
  /** One query, measured by the client: the answer must arrive within this. */
  queryMs: number;
  /** One statement, enforced by the server (kept below `queryMs` so the server cancels first). */
  statementMs: number;
  /** A session idle inside an open transaction is ended by the server after this. */
  idleInTransactionMs: number;
}

/** For everyday queries: short enough that a stalled database is reported well within Slack's 3 s. */
export const QUERY_TIMEOUTS: PostgresTimeouts = {
  connectMs: 2_000,
  queryMs: 2_000,
  statementMs: 1_500,
  idleInTransactionMs: 5_000,
};

/** For migrations at start-up, which may wait for another replica's migration lock. */
export const MIGRATION_TIMEOUTS: PostgresTimeouts = {
  connectMs: 5_000,
  queryMs: 120_000,
  statementMs: 110_000,
  idleInTransactionMs: 120_000,
};

/** Pool settings for `openPostgres`. */
export interface PostgresConnectionOptions {
  /** Sets search_path to this schema on every connection. */
  schema?: string;
  /** Maximum pooled connections; defaults to 10. */
  poolSize?: number;
  /** Defaults to `QUERY_TIMEOUTS`. */
  timeouts?: PostgresTimeouts;
  /** Called when an idle pooled connection fails (the pool replaces it). */
  onIdleError?: (error: Error) => void;
}

/**
 * Opens a pg.Pool of its own: int8 (bigint, count) values are parsed to numbers on this pool only, so
 * millisecond timestamps come back as numbers without touching pg's global parsers. Every wait has a bound.
 */
export function openPostgres(url: string, options: PostgresConnectionOptions = {}): Kysely<Database> {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, (value: string) => Number(value));
  const timeouts = options.timeouts ?? QUERY_TIMEOUTS;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types,
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.queryMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    keepAlive: true,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
