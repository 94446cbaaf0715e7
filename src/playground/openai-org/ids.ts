import { randomBytes } from 'node:crypto';

/** Hands out deterministic ids with one counter per prefix: `user_1`, `user_2`, `invite-1`, ... */
export class IdCounter {
  private readonly counters = new Map<string, number>();

  next(prefix: string, separator = '_'): string {
    const value = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, value);
    return `${prefix}${separator}${value}`;
  }

  reset(): void {
    this.counters.clear();
  }
}

/** A fresh random secret such as `sk-admin-...`; never deterministic, like the real API. */
export function randomSecret(prefix: string): string {
  return `${prefix}${randomBytes(36).toString('base64url')}`;
}

/** The redacted form shown by list and retrieve calls, e.g. `sk-admin...xYz`. */
export function redact(secret: string): string {
  return `${secret.slice(0, 8)}...${secret.slice(-3)}`;
}
