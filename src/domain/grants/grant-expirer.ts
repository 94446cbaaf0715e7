import { describeError } from '../../error-text.js';
import type { AdminApi } from '../admin-api/admin-api.js';
import type { NewAuditEvent } from '../audit-trail/model.js';
import { mapWithLimit } from '../digests/limit-concurrency.js';
import { endedText, failedText, undoText } from './grant-text.js';
import type { Grant, GrantNotifier, GrantStore } from './ports.js';
import { undoGrant } from './undo.js';

export interface GrantExpirerDeps {
  grants: GrantStore;
  admin: AdminApi;
  now: () => Date;
  notifier: GrantNotifier;
  audit: (event: NewAuditEvent) => Promise<unknown>;
  /** Who approved the request a grant came from, to tell them at its end too. */
  approverOf?: (requestId: string) => Promise<string | null | undefined>;
  /** This replica, as the holder of the grants it is undoing. */
  owner: string;
  onError?: (error: unknown) => void;
}

export interface GrantExpirerOptions {
  /** How often due grants are looked for; well under a minute so an undo runs within 60 s of expiry. */
  intervalMs?: number;
  /** How long a claimed grant stays with this replica before another may take it over. */
  leaseMs?: number;
  /** Undos in flight at once. */
  concurrency?: number;
  /** Whether `start()` runs a timer; tests call `tick()` themselves. */
  timer?: boolean;
}

/** Waits before retry `attempt` (1-based): 30 s, 1 min, 2 min, … up to an hour. */
export const retryDelayMs = (attempt: number) => Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempt - 1));

const BATCH = 200;
/** How many failures in a row are reported in the approvals channel one by one; after that, every fifth. */
const LOUD_FAILURES = 3;

/**
 * Takes back time-bound access at expiry, exactly once across replicas and restarts: a grant is claimed with a
 * compare-and-set before anything is sent, and only its holder may finish it or put it back for a retry.
 */
export class GrantExpirer {
  readonly #deps: GrantExpirerDeps;
  readonly #options: Required<GrantExpirerOptions>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;

  constructor(deps: GrantExpirerDeps, options: GrantExpirerOptions = {}) {
    this.#deps = deps;
    this.#options = {
      intervalMs: options.intervalMs ?? 15_000,
      leaseMs: options.leaseMs ?? 300_000,
      concurrency: options.concurrency ?? 16,
      timer: options.timer ?? true,
    };
  }

  #now(): number {
    return this.#deps.now().getTime();
  }

  /** One pass over every due grant; concurrent calls share the pass. Returns how many this replica finished. */
  tick(): Promise<number> {
    this.#running ??= this.#pass().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #pass(): Promise<number> {
    let finished = 0;
    try {
      for (let round = 0; round < 1_000; round++) {
        const due = await this.#deps.grants.listDueGrants(this.#now(), BATCH);
        if (due.length === 0) break;
        const done = await mapWithLimit(due, this.#options.concurrency, (id) => this.process(id));
        const progressed = done.filter((grant) => grant !== undefined).length;
        finished += done.filter((grant) => grant && grant.state !== 'active').length;
        if (progressed === 0) break;
      }
    } catch (error) {
      this.#deps.onError?.(error);
    }
    return finished;
  }

  /** Claims one grant and takes its access back; undefined when it was not due or another replica has it. */
  async process(id: string): Promise<Grant | undefined> {
    try {
      const claimed = await this.#deps.grants.claimGrant(id, this.#deps.owner, this.#now(), this.#options.leaseMs);
      if (!claimed) return undefined;
      return await this.#undo(claimed);
    } catch (error) {
      this.#deps.onError?.(error);
      return undefined;
    }
  }

  async #undo(grant: Grant): Promise<Grant | undefined> {
    const { grants, owner } = this.#deps;
    let result: Awaited<ReturnType<typeof undoGrant>>;
    try {
      result = await undoGrant(this.#deps.admin, grant);
    } catch (error) {
      const text = describeError(error);
      const message = text.requestId ? `${text.message} (OpenAI request ${text.requestId})` : text.message;
      const retryAt = this.#now() + retryDelayMs(grant.attempts);
      const back = await grants.retryGrant(grant.id, owner, retryAt, message);
      await this.#audit(grant, 'grant_undo_failed', { error: message, attempt: grant.attempts }, text.requestId);
      if (back && (grant.attempts <= LOUD_FAILURES || grant.attempts % 5 === 0)) {
        await this.#deps.notifier.alert(failedText(back, message, retryAt));
      }
      return back;
    }
    const done = await grants.finishGrant(grant.id, owner, result.state, {
      ended_at: this.#now(),
      outcome: result.outcome,
    });
    if (!done) return undefined;
    await this.#audit(
      done,
      done.state === 'ended' ? 'grant_ended' : 'grant_drifted',
      { outcome: result.outcome, undo: undoText(done), revoked_by: done.revoked_by },
      result.requestId,
    );
    const text = endedText(done);
    const approver = done.request_id ? await this.#deps.approverOf?.(done.request_id).catch(() => null) : null;
    const told = new Set(
      [done.grantee_chat_id, done.granted_by, approver].filter((id): id is string => !!id?.match(/^[UW]/)),
    );
    for (const person of told) await this.#deps.notifier.tell(person, text);
    if (done.state === 'drifted') await this.#deps.notifier.alert(text);
    return done;
  }

  async #audit(grant: Grant, event: string, detail: Record<string, string | number | null>, requestId?: string) {
    await this.#deps.audit({
      event,
      request_id: grant.request_id,
      actor_id: grant.revoked_by,
      at: this.#now(),
      operation: 'grants.expire',
      input: { grant_id: grant.id, user_id: grant.user_id, access: grant.kind, project_id: grant.project_id },
      detail,
      openai_request_id: requestId ?? null,
    });
  }

  start(): void {
    if (!this.#options.timer) return;
    void this.tick();
    this.#timer = setInterval(() => void this.tick(), this.#options.intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }
}
