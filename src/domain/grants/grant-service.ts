import { randomBytes } from 'node:crypto';
import { NotFoundError, UsageError } from '../../errors.js';
import { formatSpan } from './duration.js';
import type { GrantExpirer } from './grant-expirer.js';
import { type AccessRule, accessRuleFor, type GrantPolicy } from './grant-policy.js';
import type { ChatPeople, Grant, GrantKind, GrantStore } from './ports.js';

export interface GrantServiceDeps {
  grants: GrantStore;
  expirer: GrantExpirer;
  now: () => Date;
  /** The policy's `grants` section: the longest grant, and how access requests are routed. */
  policy: GrantPolicy;
  people?: ChatPeople;
}

/** What an operation knows when it gives time-bound access. */
export interface GrantSpec {
  kind: GrantKind;
  projectId?: string | null;
  projectName?: string | null;
  userId: string;
  email?: string | null;
  role: string;
  previousRole?: string | null;
  durationMs: number;
  grantedBy: string;
  granteeChatId?: string | null;
  requestId?: string | null;
  reason?: string | null;
}

const newGrantId = () => `grant_${randomBytes(5).toString('hex')}`;

/** Opens, lists and revokes time-bound grants; the expirer takes them back. */
export class GrantService {
  readonly #deps: GrantServiceDeps;

  constructor(deps: GrantServiceDeps) {
    this.#deps = deps;
  }

  get maxDurationMs(): number {
    return this.#deps.policy.max_duration;
  }

  /** How a request for `role` on this project is approved, and the longest it may last. */
  accessRule(
    project: { id: string; name?: string | null },
    role: 'member' | 'owner',
  ): AccessRule & { max_duration: number } {
    return accessRuleFor(this.#deps.policy, project, role);
  }

  now(): number {
    return this.#deps.now().getTime();
  }

  /** Refuses a duration above the policy's maximum, with the limit in the message. */
  assertDuration(ms: number, maxMs = this.#deps.policy.max_duration): void {
    if (ms > maxMs) {
      throw new UsageError(
        `--for ${formatSpan(ms)} is longer than the policy allows; the most is ${formatSpan(maxMs)}.`,
      );
    }
  }

  /**
   * Records a grant before its access is given, so access never outlives its record: if the bot stops right after
   * giving it, the expiry still takes it back.
   */
  async open(spec: GrantSpec, maxMs?: number): Promise<Grant> {
    this.assertDuration(spec.durationMs, maxMs);
    const now = this.now();
    const chatId =
      spec.granteeChatId ??
      (spec.email ? await this.#deps.people?.userIdOfEmail(spec.email).catch(() => undefined) : undefined);
    return this.#deps.grants.insertGrant({
      id: newGrantId(),
      kind: spec.kind,
      project_id: spec.projectId ?? null,
      project_name: spec.projectName ?? null,
      user_id: spec.userId,
      user_email: spec.email ?? null,
      granted_role: spec.role,
      previous_role: spec.previousRole ?? null,
      grantee_chat_id: chatId ?? null,
      granted_by: spec.grantedBy,
      request_id: spec.requestId ?? null,
      reason: spec.reason ?? null,
      created_at: now,
      expires_at: now + spec.durationMs,
    });
  }

  /** The access was never given (its call was refused): nothing to take back. */
  async cancel(id: string, reason: string): Promise<void> {
    await this.#deps.grants.cancelGrant(id, reason, this.now());
  }

  active(options: { granteeChatId?: string; limit?: number } = {}): Promise<Grant[]> {
    return this.#deps.grants.listActiveGrants(options);
  }

  /** Ends a grant now: takes the access back at once (or reports that it was changed by hand). */
  async revoke(id: string, by: string): Promise<Grant> {
    const revoked = await this.#deps.grants.revokeGrant(id, by, this.now());
    if (!revoked) {
      const grant = await this.#deps.grants.getGrant(id);
      if (!grant) throw new NotFoundError(`There is no grant ${id}; /openai grants lists the active ones.`);
      throw new UsageError(
        `Grant ${id} is ${grant.state === 'undoing' ? 'being taken back right now' : `already ${grant.state}`}.`,
      );
    }
    return (await this.#deps.expirer.process(id)) ?? (await this.#deps.grants.getGrant(id)) ?? revoked;
  }
}
