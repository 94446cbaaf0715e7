import { type AuditEventInput, appendAuditEvent } from '../state/audit-events.js';
import type { FakeState } from '../state/fake-state.js';

export const DAY = 86_400;
export const HOUR = 3_600;

/** A fixed pseudo-random sequence (mulberry32): the same numbers on every run. */
export class SeedRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  int(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** A key secret that looks like OpenAI's, e.g. `sk-proj-…`, the same on every run. */
  secret(prefix: string): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
    let out = prefix;
    for (let i = 0; i < 48; i += 1) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }
}

/** Someone an audit event can name. */
export interface Person {
  id: string;
  email: string;
  name: string;
}

/**
 * What every part of the seed shares: the organization, the moment it is seeded at, the random sequence and
 * the clock. Records are made with the organization's own helpers while its clock reads the time they happened.
 */
export class SeedContext {
  readonly rng = new SeedRandom(0x0a1da);
  readonly today: number;
  readonly #ips = new Map<string, string>();

  constructor(
    readonly state: FakeState,
    readonly now: number,
  ) {
    this.today = Math.floor(now / DAY) * DAY;
  }

  /** Unix time `days` days and `hours` hours before the seed's moment. */
  ago(days: number, hours = 0): number {
    return this.now - days * DAY - hours * HOUR;
  }

  /** When something last used `days` days ago was used: at some hour of that day unless it was within the day. */
  lastUse(days: number): number {
    return days < 1 ? this.ago(days) : this.ago(days, this.rng.between(0, 10));
  }

  /** Runs `make` with the organization's clock at `time`. */
  at<T>(time: number, make: () => T): T {
    this.state.now = time;
    return make();
  }

  /** Appends an audit event that happened at `time`; the seed puts the whole log in time order at the end. */
  audit(time: number, event: Omit<AuditEventInput, 'effectiveAt'>): void {
    appendAuditEvent(this.state, { ...event, effectiveAt: Math.min(time, this.now) });
  }

  /** A person acting in the dashboard, from the same address each time. */
  session(person: Person): Record<string, unknown> {
    let ip = this.#ips.get(person.id);
    if (!ip) {
      ip = `${this.rng.pick(['203.0.113', '198.51.100', '192.0.2'])}.${this.rng.int(10, 250)}`;
      this.#ips.set(person.id, ip);
    }
    return { type: 'session', session: { user: { id: person.id, email: person.email }, ip_address: ip } };
  }

  /** A call made with an admin key owned by `owner`. */
  adminKey(keyId: string, owner: Person): Record<string, unknown> {
    return { type: 'api_key', api_key: { id: keyId, type: 'user', user: { id: owner.id, email: owner.email } } };
  }
}
