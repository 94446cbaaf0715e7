import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from './errors.js';
import { eventLoopClock, type InFlightClock, Pacer } from './in-flight-governor.js';

export interface InFlightLimits {
  /** Pieces of work running at once, at most. Each mostly waits on the Admin API or Slack, holding a few kilobytes. */
  concurrency: number;
  /** Acknowledged work waiting for a free place, at most. When it is full, new requests are told the bot is busy. */
  queue: number;
  /**
   * Once the oldest waiting work has waited this long, new requests are told the bot is busy too: an answer that
   * could not leave for longer than this is better refused at once.
   */
  maxWaitMs: number;
}

/**
 * 128 at once is room for a few thousand answers a second while each waits tens of milliseconds on the Admin API and
 * Slack; how fast work really starts is steered by how busy the event loop is (see in-flight-governor.ts), so
 * acknowledgements keep their share of the CPU whatever the answers cost. 512 waiting is about half a second of
 * answers at the rate one process sustains; each holds about a kilobyte, so memory stays flat however long a flood
 * lasts and the garbage collector has little to move while they wait. Work that would wait more than 2 s is refused
 * at once rather than answered late.
 */
export const DEFAULT_IN_FLIGHT_LIMITS: InFlightLimits = { concurrency: 128, queue: 512, maxWaitMs: 2_000 };

/** How often, while work is pending, the share of time the event loop was busy is checked. */
const LOAD_CHECK_MS = 100;
/** Time one turn of the event loop may spend starting work, and how many pieces at most, between reads of sockets. */
const SLICE_MS = 1;
const SLICE_STARTS = 16;

export interface InFlightOptions {
  /**
   * Whether starts follow the event loop's load (default). Off where acknowledgements are sent by another thread
   * (front-door/), so answers may take all the CPU this thread is given.
   */
  paced?: boolean;
  /** Told whenever the queue starts or stops taking new work, so another thread can answer "busy" itself. */
  onOpenChange?: (open: boolean) => void;
}

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

/** Work that handles its own failures, as queued: during a flood a thousand may wait, so each is kept small. */
interface Waiting {
  work: () => Promise<void>;
  since: number;
}

/**
 * Work that continues after a request was acknowledged, run with bounded concurrency from a bounded queue. Work
 * starts in short slices after the event loop has read its sockets, so acknowledgements go first, and at a pace that
 * follows how busy the loop is. Everything accepted is counted until it settles, so shutdown can wait for it.
 */
export class InFlight {
  readonly #limits: InFlightLimits;
  readonly #clock: InFlightClock;
  readonly #waiting: Waiting[] = [];
  readonly #unpaced: Waiting[] = [];
  #head = 0;
  #running = 0;
  /** Accepted and not yet settled: waiting, running, or aside. */
  #unsettled = 0;
  /** Told when nothing accepted is left unsettled. */
  readonly #drained: (() => void)[] = [];
  #scheduled = false;
  /** How fast waiting work may start: steered by how busy the event loop is (in-flight-governor.ts). */
  readonly #pacer: Pacer;
  #loadCheck: ReturnType<typeof setInterval> | undefined;
  readonly #place = new AsyncLocalStorage<Place>();
  readonly #paced: boolean;
  readonly #onOpenChange: ((open: boolean) => void) | undefined;
  #open = true;

  constructor(
    limits: Partial<InFlightLimits> = {},
    clock: InFlightClock = eventLoopClock(),
    options: InFlightOptions = {},
  ) {
    this.#limits = { ...DEFAULT_IN_FLIGHT_LIMITS, ...limits };
    this.#clock = clock;
    this.#pacer = new Pacer(clock.now());
    this.#paced = options.paced ?? true;
    this.#onOpenChange = options.onOpenChange;
  }

  /**
   * Queues `work`, which handles its own failures, to run after the acknowledgement being sent now (never in this
   * turn of the event loop); false, having queued nothing, when too much already waits, so the caller can answer
   * "busy" having done nothing. `unpaced` work (a decision on an approval card: few, and each one awaited by a
   * person) goes ahead of the paced queue and starts as soon as a place is free, whatever the pace.
   */
  tryQueue(work: () => Promise<void>, options: { unpaced?: boolean } = {}): boolean {
    const now = this.#clock.now();
    if (!this.#takes(now)) {
      this.#publish(false);
      return false;
    }
    if (options.unpaced) this.#unpaced.push({ work, since: now });
    else this.#waiting.push({ work, since: now });
    this.#unsettled += 1;
    this.#watchLoad();
    this.#schedule();
    this.#publish(this.#takes(now));
    return true;
  }

  /** Whether new work would be taken at `now`: room in the queue, and the oldest waiting not waiting too long. */
  #takes(now: number): boolean {
    const oldest = this.#waiting[this.#head];
    return this.waiting < this.#limits.queue && !(oldest && now - oldest.since > this.#limits.maxWaitMs);
  }

  #publish(open: boolean): void {
    if (open === this.#open) return;
    this.#open = open;
    this.#onOpenChange?.(open);
  }

  /**
   * Runs `wait` with the caller's place given up, so queued work may start meanwhile. For a long wait that costs this
   * process nothing, such as an approved action's Admin API call (up to two minutes): the limit on places is about
   * CPU and memory during a flood, and approvals cannot flood. The caller is still counted for shutdown.
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
    return this.#unsettled;
  }

  get waiting(): number {
    return this.#waiting.length - this.#head + this.#unpaced.length;
  }

  /** Starts a second allowed now. */
  get rate(): number {
    return this.#pacer.rate;
  }

  /** Resolves when everything accepted has settled, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    if (this.#unsettled === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.#drained.push(resolve);
      timer = setTimeout(resolve, timeoutMs).unref();
    });
    clearTimeout(timer);
  }

  #schedule(): void {
    if (this.#scheduled || this.waiting === 0 || this.#running >= this.#limits.concurrency) return;
    this.#scheduled = true;
    const wait = this.#unpaced.length > 0 || !this.#paced ? 0 : this.#pacer.waitMs(this.#clock.now());
    // setImmediate runs after the poll phase, so requests waiting on sockets are acknowledged between two slices.
    if (wait === 0) setImmediate(this.#slice);
    else setTimeout(this.#slice, wait);
  }

  readonly #slice = (): void => {
    this.#scheduled = false;
    while (this.#unpaced.length > 0 && this.#running < this.#limits.concurrency) {
      void this.#run(this.#unpaced.shift() as Waiting);
    }
    const sliceEnd = this.#clock.now() + SLICE_MS;
    for (let started = 0; started < SLICE_STARTS; started++) {
      if (this.#waiting.length === this.#head || this.#running >= this.#limits.concurrency) break;
      const now = this.#clock.now();
      if (now >= sliceEnd || (this.#paced && !this.#pacer.take(now))) break;
      void this.#run(this.#shift());
    }
    this.#publish(this.#takes(this.#clock.now()));
    this.#schedule();
  };

  async #run(next: Waiting): Promise<void> {
    this.#running += 1;
    try {
      await this.#place.run({ aside: false }, next.work);
    } catch {
      // Queued work handles its own failures; one that throws anyway must not stop the queue.
    } finally {
      this.#running -= 1;
      this.#unsettled -= 1;
      if (this.#unsettled === 0) for (const resolve of this.#drained.splice(0)) resolve();
      if (!this.#open) this.#publish(this.#takes(this.#clock.now()));
      this.#schedule();
    }
  }

  /** While work is pending, adapts how fast work may start to how busy the event loop was (in-flight-governor.ts). */
  #watchLoad(): void {
    if (this.#loadCheck) return;
    this.#clock.utilisation();
    this.#loadCheck = setInterval(() => {
      this.#pacer.adjust(this.#clock.utilisation());
      this.#publish(this.#takes(this.#clock.now()));
      if (this.#unsettled === 0) {
        clearInterval(this.#loadCheck);
        this.#loadCheck = undefined;
        this.#pacer.reset(this.#clock.now());
      }
      this.#schedule();
    }, LOAD_CHECK_MS);
    this.#loadCheck.unref();
  }

  #shift(): Waiting {
    const next = this.#waiting[this.#head] as Waiting;
    this.#waiting[this.#head] = undefined as unknown as Waiting;
    this.#head += 1;
    // Compact now and then, so a long flood neither grows the array nor pays for shifting it each time.
    if (this.#head >= 1_024 && this.#head * 2 >= this.#waiting.length) {
      this.#waiting.splice(0, this.#head);
      this.#head = 0;
    }
    return next;
  }
}
