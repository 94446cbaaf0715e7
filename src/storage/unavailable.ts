import { StoreUnavailableError } from '../errors.js';

/** Connection-level SQLSTATE classes and codes, socket errors and SQLite's lock timeout. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57014', // statement cancelled by statement_timeout
  '57P01',
  '57P02',
  '57P03',
  '25P03', // idle-in-transaction session timeout
  'SQLITE_BUSY',
]);

/** Messages of pg and pg-pool for timeouts and dropped connections, which carry no code. */
const UNAVAILABLE_MESSAGE =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|connection timeout|Client has encountered a connection error/i;

/** Whether `error` means the database could not be reached or did not answer in time. */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return UNAVAILABLE_MESSAGE.test(error.message);
}

/**
 * Wraps every promise-returning method of `target` so that an unreachable or stalled database surfaces as a
 * `StoreUnavailableError`, which the edges turn into a plain answer; other errors pass through unchanged.
 */
export function reportingUnavailability<T extends object>(target: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(target)) {
    if (typeof value !== 'function') {
      wrapped[name] = value;
      continue;
    }
    wrapped[name] = (...args: unknown[]) => {
      const result: unknown = value.apply(target, args);
      if (!(result instanceof Promise)) return result;
      return result.catch((error: unknown) => {
        throw isUnavailable(error) ? new StoreUnavailableError({ cause: error }) : error;
      });
    };
  }
  return wrapped as T;
}
