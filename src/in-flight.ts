import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from './errors.js';

export interface InFlightLimits {
  /** Pieces of work running at once. Each mostly waits on the Admin API or Slack, holding a few kilobytes. */
  concurrency: number;
  /** Acknowledged work waiting for a free place. When it is full, new requests are told the bot is busy. */
  queue: number;
  /** Longest that waiting work gives way to new acknowledgements before it starts anyway. */
  maxDeferralMs: number;
}

/**
 * 64 at once keeps the CPU that answers take in check during a flood (work that only waits, such as an approved
 * action's Admin API call, steps aside with `aside`, so slow calls never hold places); fewer
 * run while the event loop is saturated (see below). 512 waiting is about half a second of work at the rate one
 * process answers when it has time to spare (about 1,000 a second), so what is accepted is answered promptly and
 * the rest hears "busy" at once; it holds a few kilobytes per request, so memory stays flat however long a flood
 * lasts. 25 ms keeps acknowledgements first during a burst while answers still leave every few turns of the loop.
 */
export const DEFAULT_IN_FLIGHT_LIMITS: InFlightLimits = { concurrency: 64, queue: 512, maxDeferralMs: 25 };

/** How often, while work is pending, the share of time the event loop was busy is checked. */
const LOAD_CHECK_MS = 100;
/** Above this share of busy time, fewer pieces may run (acknowledgements are waiting behind work)… */
const OVERLOADED = 0.9;
/** …and below this one, more may run again, up to `concurrency`. */
const RELAXED = 0.7;

/** Work starts once acknowledgements have been quiet this long, or once it has waited `maxDeferralMs`. */
const QUIET_MS = 2;
/** Time one turn of the event loop may spend starting work while requests keep arriving. */
const SLICE_MS = 2;

export const BUSY_MESSAGE = 'The bot is busy right now and did nothing with this. Try again shortly.';

/** The queue of work after an acknowledgement is full; nothing was started. */
export class BusyError extends AppError {
  constructor() {
    super('busy', BUSY_MESSAGE);
  }
}

/** The place one piece of running work holds; `aside` gives it up while the work only waits. */
interface Place {
  aside: boolean;
}

interface Waiting {
  start: () => void;
  since: number;
}

/**
 * Work that continues after a request was acknowledged, run with bounded concurrency from a bounded queue.
 * Slack gives an acknowledgement 3 s and the work after it much longer, so during a burst acknowledgements go
 * first; but waiting work never defers longer than `maxDeferralMs`, so answers keep leaving during a flood
 * instead of only after it. Everything accepted is remembered until it settles, so shutdown can wait for it.
 */
export class InFlight {
  readonly #limits: InFlightLimits;
  readonly #pending = new Set<Promise<unknown>>();
  readonly #waiting: Waiting[] = [];
  #head = 0;
  #running = 0;
  #scheduled = false;
  #lastAck = 0;
  /** Pieces allowed to run now: `concurrency` while the event loop has time to spare, fewer while it has not. */
  #allowed: number;
  #loadCheck: ReturnType<typeof setInterval> | undefined;
  #loadSample = performance.eventLoopUtilization();
  readonly #place = new AsyncLocalStorage<Place>();

  constructor(limits: Partial<InFlightLimits> = {}) {
    this.#limits = { ...DEFAULT_IN_FLIGHT_LIMITS, ...limits };
    this.#allowed = this.#limits.concurrency;
  }

  /**
   * Queues `work` to run after the acknowledgement being sent now (never in this turn of the event loop), or
   * returns undefined when the queue is full, so the caller can answer "busy" having done nothing.
   */
  tryAfterAck<T>(work: () => Promise<T>): Promise<T> | undefined {
    if (this.waiting >= this.#limits.queue) return undefined;
    this.#lastAck = performance.now();
    const settled = new Promise<T>((resolve, reject) => {
      const start = () => {
        this.#running += 1;
        const done = () => {
          this.#running -= 1;
          this.#schedule();
        };
        this.#place
          .run({ aside: false }, async () => work())
          .then(resolve, reject)
          .finally(done);
      };
      this.#waiting.push({ start, since: this.#lastAck });
    });
    this.#watchLoad();
    this.#schedule();
    return this.#track(settled);
  }

  /** As `tryAfterAck`, for listeners that reply through the error edge: a full queue throws BusyError. */
  afterAck<T>(work: () => Promise<T>): Promise<T> {
    const settled = this.tryAfterAck(work);
    if (!settled) throw new BusyError();
    return settled;
  }

  /**
   * Runs `wait` with the caller's place given up, so queued work may start meanwhile. For a long wait that costs this
   * process nothing, such as an approved action's Admin API call (up to two minutes): the limit on places is about
   * CPU and memory during a flood, and approvals cannot flood. The caller is still tracked for shutdown.
   */
  async aside<T>(wait: () => Promise<T>): Promise<T> {
    const place = this.#place.getStore();
    if (!place || place.aside) return wait();
    place.aside = true;
    this.#running -= 1;
    this.#schedule();
    try {
      return await wait();
    } finally {
      place.aside = false;
      this.#running += 1;
    }
  }

  /** Accepted work not yet settled, waiting or running. */
  get size(): number {
    return this.#pending.size;
  }

  get waiting(): number {
    return this.#waiting.length - this.#head;
  }

  /** Resolves when everything accepted has settled, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.#pending.size > 0 && Date.now() < deadline) {
      const timer = new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())).unref());
      await Promise.race([Promise.allSettled([...this.#pending]), timer]);
    }
  }

  #track<T>(work: Promise<T>): Promise<T> {
    this.#pending.add(work);
    const forget = () => this.#pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  #schedule(): void {
    if (this.#scheduled || this.waiting === 0 || this.#running >= this.#allowed) return;
    this.#scheduled = true;
    const wait = this.#deferral();
    // setImmediate runs after the poll phase, so requests waiting on sockets are acknowledged between two slices.
    if (wait === 0) setImmediate(() => this.#startSlice());
    else setTimeout(() => this.#startSlice(), wait);
  }

  #startSlice(): void {
    this.#scheduled = false;
    const sliceEnd = performance.now() + SLICE_MS;
    while (this.waiting > 0 && this.#running < this.#allowed && this.#deferral() === 0) {
      this.#shift()?.start();
      if (performance.now() >= sliceEnd) break;
    }
    this.#schedule();
  }

  /**
   * While work is pending, adapts how many pieces may run to how busy the event loop is: when it is nearly always
   * busy, acknowledgements queue behind work, so fewer pieces run (the queue then fills and new requests hear
   * "busy" at once), but never fewer than a quarter, so answers keep leaving; when it has time to spare, more run.
   */
  #watchLoad(): void {
    if (this.#loadCheck) return;
    this.#loadSample = performance.eventLoopUtilization();
    this.#loadCheck = setInterval(() => {
      const window = performance.eventLoopUtilization(this.#loadSample);
      this.#loadSample = performance.eventLoopUtilization();
      const { concurrency } = this.#limits;
      const floor = Math.max(1, Math.ceil(concurrency / 4));
      if (window.utilization > OVERLOADED) this.#allowed = Math.max(floor, Math.floor(this.#allowed / 2));
      else if (window.utilization < RELAXED)
        this.#allowed = Math.min(concurrency, this.#allowed + Math.ceil(concurrency / 8));
      if (this.#pending.size === 0) {
        clearInterval(this.#loadCheck);
        this.#loadCheck = undefined;
        this.#allowed = concurrency;
      }
      this.#schedule();
    }, LOAD_CHECK_MS);
    this.#loadCheck.unref();
  }

  #shift(): Waiting | undefined {
    const next = this.#waiting[this.#head];
    this.#head += 1;
    // Compact now and then, so a long flood neither grows the array nor pays for shifting it each time.
    if (this.#head >= 1_024 && this.#head * 2 >= this.#waiting.length) {
      this.#waiting.splice(0, this.#head);
      this.#head = 0;
    }
    return next;
  }

  /** How much longer the oldest waiting work should wait: 0 once acks went quiet or it has waited long enough. */
  #deferral(): number {
    const oldest = this.#waiting[this.#head];
    if (!oldest) return 0;
    const now = performance.now();
    if (now - oldest.since >= this.#limits.maxDeferralMs) return 0;
    return Math.max(0, QUIET_MS - (now - this.#lastAck));
  }
}
