import type { AdminApi } from '../../src/domain/admin-api/admin-api.js';
import type { OrganizationUser } from '../../src/domain/admin-api/organization.js';
import { ApprovalExecutor } from '../../src/domain/approvals/approval-executor.js';
import { ApprovalService } from '../../src/domain/approvals/approval-service.js';
import { ApprovalSweeper } from '../../src/domain/approvals/approval-sweeper.js';
import type { ApprovalCard, ApprovalNotifier } from '../../src/domain/approvals/ports.js';
import { CommandService } from '../../src/domain/command-service.js';
import { operations } from '../../src/domain/operations/index.js';
import { Policy } from '../../src/domain/policy/policy.js';
import { policySchema } from '../../src/domain/policy/policy-schema.js';
import type { OperationDeps } from '../../src/domain/ports.js';
import { createStore } from '../../src/storage/create-store.js';
import type { Store } from '../../src/storage/store.js';

export const ADMIN = 'UADMIN';
export const ADMIN2 = 'UADMIN2';
export const APPROVER = 'UAPPROVER';
export const APPROVER2 = 'UAPPROVER2';
export const VIEWER = 'UVIEWER';
export const OPS_CHANNEL = 'COPS';

/** The policy document for these tests; `extra` is merged over the minimal form. */
export function policyDocument(extra: Record<string, unknown> = {}) {
  return policySchema.parse({
    approval_channel: 'CAPPROVALS',
    roles: { admin: [ADMIN, ADMIN2], approver: [APPROVER, APPROVER2], viewer: [VIEWER] },
    ...extra,
  });
}

/** Remembers every card as it was last shown and every note sent to a requester. */
export class MemoryNotifier implements ApprovalNotifier {
  readonly cards = new Map<string, ApprovalCard>();
  readonly told: ApprovalCard[] = [];
  #ts = 0;

  async postCard(card: ApprovalCard) {
    this.cards.set(card.request.id, card);
    return { channel: 'CAPPROVALS', ts: `1.${++this.#ts}` };
  }

  async updateCard(card: ApprovalCard) {
    this.cards.set(card.request.id, card);
  }

  async tellRequester(card: ApprovalCard) {
    this.told.push(card);
  }
}

/** The slice of the Admin API that `users.remove` and `users.role` use, over an in-memory member list. */
export class FakeUsers {
  readonly members = new Map<string, OrganizationUser>();
  readonly deleted: string[] = [];
  #seq = 0;

  add(email: string): OrganizationUser {
    const user = { object: 'organization.user', id: `user-${++this.#seq}`, email, name: null, role: 'reader' };
    this.members.set(user.id, user);
    return user;
  }

  readonly api: Pick<AdminApi['users'], 'retrieve' | 'update' | 'delete'> = {
    retrieve: async (userId) => {
      const user = this.members.get(userId);
      if (!user) throw new Error(`no user ${userId}`);
      return { data: user, requestId: `req-get-${userId}` };
    },
    update: async (userId, body) => {
      const user = this.members.get(userId);
      if (!user) throw new Error(`no user ${userId}`);
      const updated = { ...user, role: body.role };
      this.members.set(userId, updated);
      return { data: updated, requestId: `req-upd-${userId}` };
    },
    delete: async (userId) => {
      this.deleted.push(userId);
      this.members.delete(userId);
      return { data: { deleted: true }, requestId: `req-del-${this.deleted.length}` };
    },
  };
}

/** A clock that only moves when told to. */
export class FixedClock {
  ms = Date.UTC(2026, 0, 15, 12, 0, 0);
  readonly now = () => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface Domain {
  store: Store;
  clock: FixedClock;
  notifier: MemoryNotifier;
  users: FakeUsers;
  policy: Policy;
  approvals: ApprovalService;
  executor: ApprovalExecutor;
  sweeper: ApprovalSweeper;
  commands: CommandService;
  deps: OperationDeps;
}

/**
 * The approval domain wired as the composition root wires it, over a real store (in memory unless a URL is
 * given), a fixed clock, an in-memory notifier and a fake of the users Admin API. Pass the `store` and `users`
 * of an earlier domain to act as the same bot restarted with another policy.
 */
export async function buildDomain(
  options: { policy?: Record<string, unknown>; store?: Store; users?: FakeUsers; clock?: FixedClock } = {},
): Promise<Domain> {
  const store = options.store ?? (await createStore('sqlite::memory:'));
  const clock = options.clock ?? new FixedClock();
  const users = options.users ?? new FakeUsers();
  const notifier = new MemoryNotifier();
  const policy = new Policy(policyDocument(options.policy));
  const admin = { users: users.api } as unknown as AdminApi;
  const deps: OperationDeps = { admin, store, now: clock.now, approvals: () => approvals };
  const executor = new ApprovalExecutor(operations, deps, notifier);
  const directory = { emailOf: async (userId: string) => `${userId.toLowerCase()}@example.com` };
  const approvals = new ApprovalService({ policy, operations, operationDeps: deps, notifier, directory, executor });
  const sweeper = new ApprovalSweeper(approvals, executor);
  const commands = new CommandService({ operations, policy, operationDeps: deps, approvals });
  return { store, clock, notifier, users, policy, approvals, executor, sweeper, commands, deps };
}

/** Files `users remove <id>` as `requester` from the ops channel and returns the stored request's id. */
export async function fileRemoval(d: Domain, userId: string, requester = ADMIN): Promise<string> {
  const outcome = await d.commands.handle(
    { userId: requester, channelId: OPS_CHANNEL, source: 'slack' },
    `users remove ${userId}`,
  );
  if (outcome.kind !== 'reply') throw new Error(`expected a reply, got ${outcome.kind}`);
  const id = /Request (req_[a-z0-9]+)/.exec(outcome.reply.notes?.join('\n') ?? '')?.[1];
  if (!id) throw new Error(`no request id in ${JSON.stringify(outcome.reply)}`);
  return id;
}
