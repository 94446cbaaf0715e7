const CLOSED = 0;
const TAKEN = 1;

/**
 * What the front door needs to know of the bot thread to answer "busy" itself, kept in memory both threads share so
 * neither waits for the other: whether the bot thread's queue takes new work, and how many handed-over commands it
 * has taken off its message port. The bot thread writes; the front door reads.
 */
export class SharedAdmission {
  readonly buffer: SharedArrayBuffer;
  readonly #cells: Int32Array;
  #handedOver = 0;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)) {
    this.buffer = buffer;
    this.#cells = new Int32Array(buffer);
  }

  /** Bot thread: its queue started or stopped taking new work. */
  set(open: boolean): void {
    Atomics.store(this.#cells, CLOSED, open ? 0 : 1);
  }

  /** Bot thread: it took one handed-over command off its port. */
  noteTaken(): void {
    Atomics.add(this.#cells, TAKEN, 1);
  }

  get open(): boolean {
    return Atomics.load(this.#cells, CLOSED) === 0;
  }

  /** Front door: one command was handed over. */
  noteHandedOver(): void {
    this.#handedOver = (this.#handedOver + 1) | 0;
  }

  /** Front door: commands handed over that the bot thread has not taken yet. */
  get backlog(): number {
    return (this.#handedOver - Atomics.load(this.#cells, TAKEN)) | 0;
  }
}
