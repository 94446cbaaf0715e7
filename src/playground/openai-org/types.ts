import type { FakeState } from './state/fake-state.js';

export interface FakeAdminApiOptions {
  /** The admin key the bot runs with; default `sk-admin-test-key`. */
  adminKey?: string;
  /** Added before every response. */
  delayMs?: number;
  /** Default 0: a free port. */
  port?: number;
  /**
   * SQLite file the organization lives in (its folder is created): loaded when it holds one, otherwise seeded
   * with the playground organization and saved. Every request is saved before its answer. Default: memory only.
   */
  persistFile?: string;
  /** Called after every answer with the request and, unless a fault was injected, the response. */
  onExchange?: (exchange: Exchange) => void;
}

/** One request and its answer, as `onExchange` reports it; `rawPath` has no `/v1` prefix. */
export interface Exchange {
  method: string;
  rawPath: string;
  query: URLSearchParams;
  body: unknown;
  response: { status: number; body: unknown } | undefined;
}

/** One request as the emulated organization received it. */
export interface RecordedRequest {
  method: string;
  /** Decoded path without the `/v1` prefix, e.g. `/organization/users/user_1`. */
  path: string;
  rawPath: string;
  query: URLSearchParams;
  rawQuery: string;
  headers: Record<string, string | undefined>;
  /** Parsed JSON, the raw text when it was not JSON, or `undefined` when empty. */
  body: unknown;
}

/** Makes the next `times` matching requests fail (or hang) instead of being handled. */
export interface FaultSpec {
  method?: string;
  /** Matched against `RecordedRequest.path` (exact string or RegExp). */
  path: string | RegExp;
  status: number;
  /** Default: an OpenAI error envelope suited to `status`. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Default 1. */
  times?: number;
  /** Hang this long before answering, for timeout tests. */
  delayMs?: number;
}

export interface FakeAdminApi {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:PORT/v1`. */
  url: string;
  /** Every request received, in order (faulted ones included). */
  requests: RecordedRequest[];
  /** Direct access to seed or inspect data. */
  state: FakeState;
  /** Injects a fault for the next matching requests. */
  fail(spec: FaultSpec): void;
  /** Changes the delay added before every response. */
  setDelay(ms: number): void;
  /** Saves changes made through `state` directly to `persistFile` now (requests save their own); no-op in memory. */
  save(): void;
  /**
   * Clears state (back to the default project and bot key; with `persistFile`, to a newly seeded organization,
   * saved), requests and faults; restores the initial delay.
   */
  reset(): void;
  /** Stops the server, dropping open connections and hung requests; saves and closes `persistFile`. */
  close(): Promise<void>;
}
