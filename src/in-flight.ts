/** Tracks work still running after a request was acknowledged, so shutdown can wait for it. */
export class InFlight {
  readonly #running = new Set<Promise<unknown>>();

  /** Runs `work` and remembers it until it settles; returns its promise. */
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
}
