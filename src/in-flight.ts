/** Work starts once acknowledgements have been quiet this long… */
const QUIET_MS = 3;
/** …but never waits longer than this behind a stream of new requests. */
const MAX_DEFERRAL_MS = 250;

/**
 * Work that continues after a request was acknowledged. Slack gives an acknowledgement 3 s and the work
 * after it much longer, so during a burst of requests the acknowledgements go first: deferred work starts
 * once no request has been acknowledged for a few milliseconds (or after a bounded wait), one piece per turn
 * of the event loop. Everything started is remembered until it settles, so shutdown can wait for it.
 */
export class InFlight {
  readonly #running = new Set<Promise<unknown>>();
  readonly #waiting: { start: () => void; since: number }[] = [];
  #scheduled = false;
  #lastAck = 0;

  /** Runs `work` after the acknowledgements pending now; resolves or rejects with its result. */
  afterAck<T>(work: () => Promise<T>): Promise<T> {
    this.#lastAck = performance.now();
    const started = new Promise<T>((resolve, reject) => {
      this.#waiting.push({ start: () => void work().then(resolve, reject), since: this.#lastAck });
      this.#schedule();
    });
    return this.track(started);
  }

  /** Remembers `work` until it settles; returns its promise. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#running.add(work);
    const forget = () => this.#running.delete(work);
    work.then(forget, forget);
    return work;
  }

  get size(): number {
    return this.#running.size;
  }

  /** Resolves when everything tracked has settled, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.#running.size > 0 && Date.now() < deadline) {
      const timer = new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())).unref());
      await Promise.race([Promise.allSettled([...this.#running]), timer]);
    }
  }

  #schedule(): void {
    if (this.#scheduled || this.#waiting.length === 0) return;
    this.#scheduled = true;
    const run = () => {
      this.#scheduled = false;
      if (this.#deferral() === 0) this.#waiting.shift()?.start();
      this.#schedule();
    };
    const wait = this.#deferral();
    // setImmediate runs after the poll phase, so requests waiting on sockets are served between two starts.
    if (wait === 0) setImmediate(run);
    else setTimeout(run, wait);
  }

  /** How much longer the oldest waiting work should wait: 0 once acks went quiet or it has waited long enough. */
  #deferral(): number {
    const oldest = this.#waiting[0];
    if (!oldest) return 0;
    const now = performance.now();
    if (now - oldest.since >= MAX_DEFERRAL_MS) return 0;
    return Math.max(0, QUIET_MS - (now - this.#lastAck));
  }
}
