import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, type Dispatcher, errors as undiciErrors } from 'undici';
import type { z } from 'zod';
import { DeadlineExceeded, exchange } from '../http/exchange.js';
import {
  type AdminApiError,
  ConnectionError,
  errorFromResponse,
  TimeoutError,
  UnexpectedResponseError,
} from './errors.js';
import { encodeQuery, type QueryObject } from './query.js';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, type RetryPolicy, retryDelayMs } from './retry.js';

export interface AdminClientOptions {
  /** e.g. 'https://api.openai.com/v1' (validated by the config module). */
  baseUrl: string;
  adminKey: string;
  /** Per attempt, headers and body together. Default 30 s for reads; writes default to `writeTimeoutMs`. */
  timeoutMs?: number;
  /**
   * Per attempt of a call that changes something (any method but GET). Such a call may already have taken
   * effect when it times out and is then never repeated, so it waits longer: default `timeoutMs` when given,
   * else 120 s.
   */
  writeTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Shared keep-alive connection pool; one is created when omitted. */
  dispatcher?: Dispatcher;
  /** Largest response body accepted, in bytes. Default 20 MiB. */
  maxResponseBytes?: number;
  logger?: { debug(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
  /** Waits between retries; tests pass a fast one. */
  sleep?: (ms: number) => Promise<unknown>;
  /** Told about every attempt once it has an answer (or none), e.g. for metrics. */
  onAttempt?: (attempt: AttemptReport) => void;
}

/** One attempt: its HTTP status, or why there was none. */
export interface AttemptReport {
  method: RequestOptions['method'];
  path: string;
  status: number | 'timeout' | 'connection_error';
  ms: number;
}

export interface RequestOptions {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: QueryObject;
  body?: unknown;
  /**
   * Whether repeating the call cannot change the outcome. Defaults to true for GET only. Non-idempotent calls
   * are never retried after the request may have reached the server.
   */
  idempotent?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  requestId: string | undefined;
}

const CONNECTION_REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** Minimal HTTP client for the Admin API: auth, timeouts, retries, typed errors, zod-parsed responses. */
export class AdminClient {
  readonly #options: AdminClientOptions;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #retry: RetryPolicy;
  readonly #sleep: (ms: number) => Promise<unknown>;
  readonly #base: { origin: string; pathname: string };

  constructor(options: AdminClientOptions) {
    this.#options = options;
    this.#ownsDispatcher = !options.dispatcher;
    this.#dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 30_000, connections: 256 });
    this.#retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#sleep = options.sleep ?? ((ms) => sleep(ms));
    const base = new URL(options.baseUrl);
    this.#base = { origin: base.origin, pathname: base.pathname.replace(/\/+$/, '') };
  }

  /** Sends one request (with retries when safe) and parses the body with `schema`. */
  async request<S extends z.ZodType>(schema: S, options: RequestOptions): Promise<ApiResponse<z.output<S>>> {
    const idempotent = options.idempotent ?? options.method === 'GET';
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.#attempt(options);
      const canRetry = attempt < this.#retry.maxRetries && (idempotent || outcome.neverSent === true);
      if (outcome.error) {
        if (canRetry && outcome.retryable) {
          const delay = retryDelayMs(attempt, this.#retry, outcome.headers);
          this.#options.logger?.warn(
            { path: options.path, method: options.method, status: outcome.error.status, attempt, delayMs: delay },
            'admin api call failed, retrying',
          );
          await this.#sleep(delay);
          continue;
        }
        throw outcome.error;
      }
      const parsed = schema.safeParse(outcome.body);
      if (!parsed.success) {
        throw new UnexpectedResponseError(
          `Unexpected response from ${options.method} ${options.path}: ${parsed.error.issues[0]?.message ?? 'invalid body'}`,
          { status: outcome.status, requestId: outcome.requestId },
        );
      }
      return { data: parsed.data, requestId: outcome.requestId };
    }
  }

  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  async #attempt(options: RequestOptions): Promise<Attempt> {
    const timeoutMs =
      options.method === 'GET'
        ? (this.#options.timeoutMs ?? 30_000)
        : (this.#options.writeTimeoutMs ?? this.#options.timeoutMs ?? 120_000);
    const started = Date.now();
    try {
      const maxBytes = this.#options.maxResponseBytes ?? 20 * 1024 * 1024;
      const response = await exchange(
        this.#dispatcher,
        {
          origin: this.#base.origin,
          path: `${this.#base.pathname}${options.path}${encodeQuery(options.query)}`,
          method: options.method,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          headers: {
            authorization: `Bearer ${this.#options.adminKey}`,
            accept: 'application/json',
            ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: options.body === undefined ? null : JSON.stringify(options.body),
        },
        {
          deadlineMs: timeoutMs,
          maxBytes,
          tooLarge: () => new UnexpectedResponseError(`Response larger than ${maxBytes} bytes`),
        },
      );
      const requestId = headerValue(response.headers, 'x-request-id');
      const body = parseJson(response.body.toString('utf8'));
      this.#options.logger?.debug(
        {
          method: options.method,
          path: options.path,
          status: response.statusCode,
          requestId,
          ms: Date.now() - started,
        },
        'admin api call',
      );
      this.#options.onAttempt?.({
        method: options.method,
        path: options.path,
        status: response.statusCode,
        ms: Date.now() - started,
      });
      if (response.statusCode >= 200 && response.statusCode < 300) {
        return { body, status: response.statusCode, requestId };
      }
      // Only a failure is read further (its retry hints), so only a failure pays for a Headers object.
      const headers = toHeaders(response.headers);
      return {
        error: errorFromResponse(response.statusCode, body, requestId),
        retryable: isRetryableStatus(response.statusCode, headers),
        headers,
        status: response.statusCode,
        requestId,
      };
    } catch (cause) {
      const failure = failureFromException(cause, options, timeoutMs);
      if (failure.error?.status === undefined) {
        const status = failure.error instanceof TimeoutError ? 'timeout' : 'connection_error';
        this.#options.onAttempt?.({ method: options.method, path: options.path, status, ms: Date.now() - started });
      }
      return failure;
    }
  }
}

interface Attempt {
  body?: unknown;
  status?: number;
  requestId?: string | undefined;
  headers?: Headers;
  error?: AdminApiError;
  retryable?: boolean;
  /** The request certainly never reached the server (connection refused), so even a write may be repeated. */
  neverSent?: boolean;
}

function failureFromException(cause: unknown, options: RequestOptions, timeoutMs: number): Attempt {
  const where = `${options.method} ${options.path}`;
  const isTimeout =
    cause instanceof DeadlineExceeded ||
    cause instanceof undiciErrors.HeadersTimeoutError ||
    cause instanceof undiciErrors.BodyTimeoutError ||
    (cause instanceof Error && cause.name === 'TimeoutError');
  if (isTimeout) {
    return {
      error: new TimeoutError(`No answer from OpenAI within ${timeoutMs / 1000}s (${where})`, { cause }),
      retryable: true,
    };
  }
  if (cause instanceof UnexpectedResponseError) return { error: cause, retryable: false };
  const code =
    (cause as { code?: string; cause?: { code?: string } }).code ??
    (cause as { cause?: { code?: string } }).cause?.code;
  return {
    error: new ConnectionError(`Could not reach OpenAI (${code ?? 'connection failed'}) for ${where}`, { cause }),
    retryable: true,
    neverSent: code !== undefined && CONNECTION_REFUSED.has(code),
  };
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** A response header as one string (repeated ones joined), or undefined. */
function headerValue(raw: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = raw[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The body parsed as JSON; a body that is not JSON becomes an error envelope with its start. */
function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { error: { message: text.slice(0, 200) } };
  }
}
