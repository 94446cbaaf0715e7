import { renderNotice } from './blocks/notice.js';
import { postToResponseUrl } from './respond.js';

export const WORKING_TEXT = 'Working on it…';

/**
 * How long a slow command may take before its private note appears. An answer that comes sooner is the only message,
 * with no note flashing before it; one that takes longer is announced while the wait is still short.
 */
export const WORKING_NOTE_AFTER_MS = 1_000;

/** A note planned for one request: its timer until it is due, then the post itself. */
interface Planned {
  timer: NodeJS.Timeout | undefined;
  posting: Promise<boolean> | undefined;
}

/**
 * The private "Working on it…" notes shown for slow commands that take a while, remembered by the request body they
 * answer, so whatever answers that request next (the result or the error edge) replaces the note instead of adding to
 * it.
 */
export class WorkingNotes {
  readonly #afterMs: number;
  readonly #planned = new WeakMap<object, Planned>();

  constructor(afterMs = WORKING_NOTE_AFTER_MS) {
    this.#afterMs = afterMs;
  }

  /** Shows the note for this request unless `settle` is called first, `afterMs` from now. */
  plan(responseUrl: string, body: object): void {
    if (this.#planned.has(body)) return;
    const planned: Planned = { timer: undefined, posting: undefined };
    planned.timer = setTimeout(() => {
      planned.timer = undefined;
      planned.posting = postToResponseUrl(responseUrl, [renderNotice(WORKING_TEXT)]).then(
        () => true,
        () => false,
      );
    }, this.#afterMs);
    planned.timer.unref();
    this.#planned.set(body, planned);
  }

  /**
   * Called before the request is answered: a note not yet due is never shown; one being posted is waited for. True
   * when a note is shown, so the answer should replace it.
   */
  async settle(body: unknown): Promise<boolean> {
    if (typeof body !== 'object' || body === null) return false;
    const planned = this.#planned.get(body);
    if (!planned) return false;
    clearTimeout(planned.timer);
    planned.timer = undefined;
    // Only a note that was shown is remembered, for a later answer to the same request (the error edge's).
    if (!planned.posting) {
      this.#planned.delete(body);
      return false;
    }
    return planned.posting;
  }
}
