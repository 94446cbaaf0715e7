import { renderNotice } from './blocks/notice.js';
import { postToResponseUrl } from './respond.js';

export const WORKING_TEXT = 'Working on it…';

/**
 * The private "Working on it…" notes shown for slow commands, remembered by the request body they answer, so
 * whatever answers that request next (the result or the error edge) replaces the note instead of adding to it.
 */
export class WorkingNotes {
  readonly #shown = new WeakSet<object>();

  async show(responseUrl: string, body: object): Promise<void> {
    await postToResponseUrl(responseUrl, [renderNotice(WORKING_TEXT)]);
    this.#shown.add(body);
  }

  /** Whether a note waits to be replaced in the conversation of this request. */
  shownFor(body: unknown): boolean {
    return typeof body === 'object' && body !== null && this.#shown.has(body);
  }
}
