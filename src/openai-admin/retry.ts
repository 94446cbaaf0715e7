export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff step in ms; doubles each attempt. */
  initialDelayMs: number;
  /** Upper bound of one backoff step, and of a server-requested wait we are willing to honour. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8_000 };

const RETRYABLE_STATUSES = new Set([408, 409, 429]);

/**
 * Whether an error answer is worth another attempt. A read: on 408, 409, 429 and 5xx, or as `x-should-retry`
 * says. A write may already have taken effect, so only on 429, which OpenAI answers before processing.
 */
export function isRetryableAnswer(read: boolean, status: number, headers: Headers): boolean {
  const hint = headers.get('x-should-retry');
  if (hint === 'false') return false;
  if (!read) return status === 429;
  if (hint === 'true') return true;
  return RETRYABLE_STATUSES.has(status) || status >= 500;
}

/** Server-requested wait in ms from `retry-after-ms` or `Retry-After` (seconds or HTTP date), if usable. */
export function serverRequestedDelayMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const retryAfter = headers.get('retry-after');
  if (!retryAfter) return undefined;
  const seconds = Number.parseFloat(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before retry number `attempt` (0-based): the server's `Retry-After` when it is within
 * `maxDelayMs`, otherwise exponential backoff with up to 25% jitter taken off.
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  headers?: Headers,
  random: () => number = Math.random,
): number {
  const requested = headers ? serverRequestedDelayMs(headers) : undefined;
  if (requested !== undefined && requested <= policy.maxDelayMs) return requested;
  const base = Math.min(policy.initialDelayMs * 2 ** attempt, policy.maxDelayMs);
  return base * (1 - 0.25 * random());
}
