import { randomBytes } from 'node:crypto';
import type { ViewRecord } from './model.js';

const newHash = () => `${Date.now()}.${randomBytes(4).toString('hex')}`;

/** Why a view could not be changed, as Slack's error codes. */
export type ViewError = 'not_found' | 'hash_conflict';

/** Modal stacks and App Home tabs of every person; view ids are unique, hashes change on every update. */
export class ViewStack {
  readonly #views = new Map<string, ViewRecord>();
  #seq = 0;

  constructor(views: readonly ViewRecord[] = []) {
    for (const view of views) {
      // Modals do not outlive a restart, as they do not outlive a reload in Slack; homes do.
      if (view.kind === 'home') this.#views.set(view.id, view);
      this.#seq = Math.max(this.#seq, Number(view.id.replace(/\D/g, '')) || 0);
    }
  }

  #record(userId: string, kind: ViewRecord['kind'], view: Record<string, unknown>, depth: number): ViewRecord {
    this.#seq += 1;
    const record: ViewRecord = {
      id: `VPLAY${String(this.#seq).padStart(6, '0')}`,
      userId,
      kind,
      hash: newHash(),
      view,
      errors: {},
      state: {},
      depth,
    };
    this.#views.set(record.id, record);
    return record;
  }

  /** The person's open modals, root first. */
  modalsOf(userId: string): ViewRecord[] {
    return [...this.#views.values()]
      .filter((v) => v.userId === userId && v.kind === 'modal')
      .sort((a, b) => a.depth - b.depth);
  }

  /** Opens a modal as the root of a new stack; returns it and the ids of the modals it replaced. */
  open(userId: string, view: Record<string, unknown>): { record: ViewRecord; closed: string[] } {
    const closed = this.modalsOf(userId).map((v) => v.id);
    for (const id of closed) this.#views.delete(id);
    return { record: this.#record(userId, 'modal', view, 0), closed };
  }

  /** Pushes a modal on top of the person's stack (Slack allows three). */
  push(userId: string, view: Record<string, unknown>): ViewRecord | 'push_limit_reached' {
    const stack = this.modalsOf(userId);
    if (stack.length >= 3) return 'push_limit_reached';
    return this.#record(userId, 'modal', view, stack.length);
  }

  update(id: string, view: Record<string, unknown>, hash?: string): ViewRecord | ViewError {
    const record = this.#views.get(id);
    if (!record) return 'not_found';
    if (hash && hash !== record.hash) return 'hash_conflict';
    record.view = view;
    record.hash = newHash();
    record.errors = {};
    return record;
  }

  publishHome(userId: string, view: Record<string, unknown>): ViewRecord {
    const home = this.homeOf(userId);
    if (!home) return this.#record(userId, 'home', view, -1);
    home.view = view;
    home.hash = newHash();
    return home;
  }

  homeOf(userId: string): ViewRecord | undefined {
    return [...this.#views.values()].find((v) => v.userId === userId && v.kind === 'home');
  }

  get(id: string): ViewRecord | undefined {
    return this.#views.get(id);
  }

  /** Closes a modal and every modal pushed above it; returns the ids closed. */
  close(id: string): string[] {
    const record = this.#views.get(id);
    if (record?.kind !== 'modal') return [];
    const closed = this.modalsOf(record.userId)
      .filter((v) => v.depth >= record.depth)
      .map((v) => v.id);
    for (const closing of closed) this.#views.delete(closing);
    return closed;
  }

  all(): ViewRecord[] {
    return [...this.#views.values()];
  }
}
