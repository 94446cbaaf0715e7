import type { AuditTrail } from '../audit-trail/ports.js';
import type { JsonObject } from '../json.js';
import type { ApprovalStore } from './approval-store.js';
import type { ApprovalRequest } from './model.js';
import type { ApprovalNotifier } from './ports.js';

/** Writes a request's audit entries and keeps its card and requester up to date. */
export class ApprovalTrail {
  readonly #store: ApprovalStore & AuditTrail;
  readonly #notifier: ApprovalNotifier;
  readonly #now: () => number;

  constructor(store: ApprovalStore & AuditTrail, notifier: ApprovalNotifier, now: () => number) {
    this.#store = store;
    this.#notifier = notifier;
    this.#now = now;
  }

  /** Rewrites the card as the request is now, with why it can no longer run when that is so. */
  async refreshCard(request: ApprovalRequest, blocked?: string): Promise<void> {
    const votes = await this.#store.listApprovals(request.id);
    await this.#notifier.updateCard({ request, votes, ...(blocked ? { blocked } : {}) });
  }

  /** Rewrites the card and tells the requester, once the request is decided or done. */
  async announce(request: ApprovalRequest): Promise<void> {
    const votes = await this.#store.listApprovals(request.id);
    await this.#notifier.updateCard({ request, votes });
    await this.#notifier.tellRequester({ request, votes });
  }

  /** Appends an audit entry about the request. */
  async audit(request: ApprovalRequest, event: string, actorId?: string, detail?: JsonObject): Promise<void> {
    await this.#store.appendAudit({
      request_id: request.id,
      event,
      actor_id: actorId ?? null,
      at: this.#now(),
      operation: request.operation,
      input: request.input,
      detail: detail ?? null,
    });
  }
}
