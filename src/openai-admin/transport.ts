import { type RequestInit as UndiciRequestInit, errors as undiciErrors, fetch as undiciFetch } from 'undici';
import {
  type AdminApiError,
  ConnectionError,
  TimeoutError,
  UnexpectedResponseError,
  type WouldSend,
  WriteNotSent,
} from '../domain/admin-api/errors.js';
import { isRetryableAnswer, type RetryPolicy, retryDelayMs } from './retry.js';

export interface TransportOptions {
  /** The path of the base URL (`/v1`), taken off request paths in reports. */
  basePath: string;
  /** Per attempt of a read, headers and body together. */
  readTimeoutMs: number;
  /** Per attempt of a write: it may have taken effect when it times out and is then never repeated, so it waits longer. */
  writeTimeoutMs: number;
  retry: RetryPolicy;
  /** Writes are not sent; each fails with `WriteNotSent`, which says what would have been sent. */
  dryRun: boolean;
  /** Largest response body accepted, in bytes. */
  maxResponseBytes: number;
  sleep: (ms: number) => Promise<unknown>;
  logger?: { debug(obj: object, msg?: string): void; warn(obj: object, msg?: string): void } | undefined;
  /** Told about every attempt once it has an answer (or none), e.g. for metrics. */
  onAttempt?: ((attempt: AttemptReport) => void) | undefined;
}

/** One attempt: its HTTP status, or why there was none. */
export interface AttemptReport {
  method: string;
  /** Without the base path and the query, e.g. `/organization/users/user_1`. */
  path: string;
  status: number | 'timeout' | 'connection_error';
  ms: number;
}

/** An attempt that got no answer; `neverSent` when the request certainly never reached the server. */
interface NoAnswer {
  error: AdminApiError;
  neverSent: boolean;
}

const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const NULL_BODY_STATUSES = new Set([204, 205, 304]);
const SECRET_FIELD = /secret|password|passphrase|token|private|credential|key_material/i;

/**
 * The `fetch` the SDK sends every request through (the SDK's own retries are off): undici with a deadline per
 * attempt, reads retried with backoff that honours `Retry-After`, a write repeated only when it certainly was not
 * processed (never sent, or answered 429), and in dry-run mode no write sent at all.
 */
export function createTransport(options: TransportOptions) {
  return async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.pathname.slice(options.basePath.length);
    if (method !== 'GET' && options.dryRun) {
      throw new WriteNotSent({ method, path: `${path}${url.search}`, body: shownBody(init.body) });
    }
    const read = method === 'GET';
    const timeoutMs = read ? options.readTimeoutMs : options.writeTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      const report = (status: AttemptReport['status'], requestId?: string | null) => {
        const ms = performance.now() - started;
        options.onAttempt?.({ method, path, status, ms });
        options.logger?.debug({ method, path, status, requestId, ms: Math.round(ms) }, 'admin api call');
      };
      const outcome = await once(url, init, timeoutMs, options.maxResponseBytes, `${method} ${path}`);
      const retries = attempt < options.retry.maxRetries;
      if (outcome instanceof Response) {
        report(outcome.status, outcome.headers.get('x-request-id'));
        if (outcome.ok || !retries || !isRetryableAnswer(read, outcome.status, outcome.headers)) return outcome;
        await backOff(options, attempt, { method, path, status: outcome.status }, outcome.headers);
        continue;
      }
      report(outcome.error instanceof TimeoutError ? 'timeout' : 'connection_error');
      if (!retries || !(read || outcome.neverSent)) throw outcome.error;
      await backOff(options, attempt, { method, path, error: outcome.error.message });
    }
  };
}

async function backOff(options: TransportOptions, attempt: number, about: object, headers?: Headers) {
  const delayMs = retryDelayMs(attempt, options.retry, headers);
  options.logger?.warn({ ...about, attempt, delayMs }, 'admin api call failed, retrying');
  await options.sleep(delayMs);
}

/** One attempt, its body read within the same deadline; the SDK's own abort is passed on as it came. */
async function once(
  url: URL,
  init: RequestInit,
  timeoutMs: number,
  maxBytes: number,
  where: string,
): Promise<Response | NoAnswer> {
  // A plain controller and timer cost less than AbortSignal.timeout, which matters under bursts of commands.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, deadline.signal]) : deadline.signal;
  try {
    const response = await undiciFetch(url, { ...(init as UndiciRequestInit), signal });
    const body = await readBody(response.body, maxBytes, where);
    const { status, statusText } = response;
    return new Response(NULL_BODY_STATUSES.has(status) ? null : body, {
      status,
      statusText,
      headers: response.headers,
    });
  } catch (cause) {
    if (init.signal?.aborted || cause instanceof UnexpectedResponseError) throw cause;
    return noAnswer(cause, deadline.signal.aborted, timeoutMs, where);
  } finally {
    clearTimeout(timer);
  }
}

async function readBody(body: AsyncIterable<Uint8Array> | null, maxBytes: number, where: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body ?? []) {
    size += chunk.length;
    if (size > maxBytes) throw new UnexpectedResponseError(`Response to ${where} larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function noAnswer(cause: unknown, timedOut: boolean, timeoutMs: number, where: string): NoAnswer {
  const inner = (cause as { cause?: unknown }).cause ?? cause;
  if (timedOut || inner instanceof undiciErrors.HeadersTimeoutError || inner instanceof undiciErrors.BodyTimeoutError) {
    const error = new TimeoutError(`No answer from OpenAI within ${timeoutMs / 1000}s (${where})`, { cause });
    return { error, neverSent: false };
  }
  const code = (inner as { code?: string }).code ?? (cause as { code?: string }).code;
  const error = new ConnectionError(`Could not reach OpenAI (${code ?? 'connection failed'}) for ${where}`, { cause });
  return { error, neverSent: code !== undefined && NEVER_SENT.has(code) };
}

/** A request body as shown in a dry run: its JSON, with any field whose name suggests a secret masked. */
function shownBody(body: RequestInit['body']): WouldSend['body'] {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== 'string') return '[binary body]';
  try {
    return JSON.parse(body, (key, value) => (SECRET_FIELD.test(key) ? '[redacted]' : value));
  } catch {
    return '[body that is not JSON]';
  }
}
