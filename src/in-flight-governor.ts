/**
 * How fast work after an acknowledgement may start, steered by how busy the event loop was.
 *
 * A command's answer costs this process CPU in short steps (parsing, the Admin API call, the reply) while most of its
 * time is spent waiting, so the CPU answers take follows how many start each second, not how many wait at once.
 * Acknowledgements need the loop to be idle part of the time: when it is nearly always busy, requests queue in the
 * kernel and every acknowledgement waits. So the rate of starts falls by 30% after a window in which the loop was
 * busier than `HIGH`, and rises by 25% after one in which it was idle more than `1 - LOW` of the time while work
 * waited for the rate (not while the queue was empty: a rate nothing uses would let a burst through later). It
 * settles where the loop keeps room for acknowledgements, whatever else runs on the machine. Starts are spread evenly,
 * at most `BURST_MS` worth at once.
 */

/** Above this share of busy time, work starts more slowly… */
export const HIGH = 0.85;
/** …and below this one, faster. Between the two the rate stays, so it does not swing with every measurement. */
export const LOW = 0.7;

export interface PaceBounds {
  /** Starts a second never fall below this, so answers keep leaving while acknowledgements alone keep the loop busy. */
  min: number;
  /** Starts a second after a quiet spell, before anything is measured. */
  initial: number;
  max: number;
}

export const DEFAULT_PACE: PaceBounds = { min: 50, initial: 200, max: 20_000 };

/** Starts that may happen back to back: this many milliseconds' worth at the current rate, and at least `MIN_BURST`. */
const BURST_MS = 10;
const MIN_BURST = 8;

/** The rate after a window in which the event loop was busy `utilisation` (0..1) of the time. */
export function nextRate(rate: number, utilisation: number, waitedForRate: boolean, bounds: PaceBounds): number {
  if (utilisation > HIGH) return Math.max(bounds.min, rate * 0.7);
  if (utilisation < LOW && waitedForRate) return Math.min(bounds.max, rate * 1.25);
  return rate;
}

/** A token bucket: starts become due at `rate` a second; `take` spends one when it is due. */
export class Pacer {
  readonly #bounds: PaceBounds;
  #rate: number;
  #tokens: number;
  #at: number;
  #waited = false;

  constructor(now: number, bounds: PaceBounds = DEFAULT_PACE) {
    this.#bounds = bounds;
    this.#rate = bounds.initial;
    this.#tokens = this.#burst;
    this.#at = now;
  }

  /** Starts a second now. */
  get rate(): number {
    return this.#rate;
  }

  /** Spends one start if one is due at `now`. */
  take(now: number): boolean {
    this.#refill(now);
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Milliseconds until the next start is due; notes that work is waiting for the rate. */
  waitMs(now: number): number {
    this.#refill(now);
    if (this.#tokens >= 1) return 0;
    this.#waited = true;
    return Math.ceil(((1 - this.#tokens) * 1_000) / this.#rate);
  }

  /** Adjusts the rate after a window in which the event loop was busy `utilisation` of the time. */
  adjust(utilisation: number): void {
    this.#rate = nextRate(this.#rate, utilisation, this.#waited, this.#bounds);
    this.#waited = false;
  }

  /** Back to the initial rate, with a full bucket, after a quiet spell. */
  reset(now: number): void {
    this.#rate = this.#bounds.initial;
    this.#tokens = this.#burst;
    this.#at = now;
    this.#waited = false;
  }

  get #burst(): number {
    return Math.max(MIN_BURST, (this.#rate * BURST_MS) / 1_000);
  }

  #refill(now: number): void {
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#at) * this.#rate) / 1_000);
    this.#at = now;
  }
}

export interface InFlightClock {
  /** Milliseconds, monotonic. */
  now: () => number;
  /** Share of the time (0..1) the event loop was busy since the previous call. */
  utilisation: () => number;
}

/** The real clock and the event loop's own measure of its busy time. */
export const eventLoopClock = (): InFlightClock => {
  let last = performance.eventLoopUtilization();
  return {
    now: () => performance.now(),
    utilisation: () => {
      const window = performance.eventLoopUtilization(last);
      last = performance.eventLoopUtilization();
      return window.utilization;
    },
  };
};
