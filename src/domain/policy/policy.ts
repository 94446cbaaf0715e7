import { ForbiddenError } from '../../errors.js';
import type { Actor } from '../actor.js';
import type { Risk } from '../operations/operation.js';
import type { PolicyDocument, RoleName } from './policy-schema.js';

/** Resolves Slack user groups to their members; the Slack layer implements it with `usergroups.users.list`. */
export interface GroupDirectory {
  membersOf(groupId: string): Promise<readonly string[]>;
}

const RISK_NEEDS: Record<Risk, RoleName[]> = {
  read: ['viewer', 'admin', 'approver'],
  write: ['admin'],
  destructive: ['admin'],
};

/** Who may do what, from the policy file. */
export class Policy {
  readonly document: PolicyDocument;
  readonly #groups: GroupDirectory | undefined;

  constructor(document: PolicyDocument, groups?: GroupDirectory) {
    this.document = document;
    this.#groups = groups;
  }

  get approvalChannel(): string {
    return this.document.approval_channel;
  }

  /** Whether the user holds the role, directly, through "*" or through a Slack user group. */
  async hasRole(userId: string, role: RoleName): Promise<boolean> {
    const members = this.document.roles[role];
    if (members.includes('*') || members.includes(userId)) return true;
    for (const groupId of members.filter((m) => m.startsWith('S'))) {
      const inGroup = (await this.#groups?.membersOf(groupId))?.includes(userId) ?? false;
      if (inGroup) return true;
    }
    return false;
  }

  async hasAnyRole(userId: string, roles: readonly RoleName[]): Promise<boolean> {
    for (const role of roles) if (await this.hasRole(userId, role)) return true;
    return false;
  }

  /** Throws ForbiddenError unless the actor may run (or, for destructive ones, request) an operation of this risk. */
  async assertMayRun(actor: Actor, risk: Risk, operationName: string): Promise<void> {
    if (actor.source === 'cli') return;
    const needed = RISK_NEEDS[risk];
    if (await this.hasAnyRole(actor.userId, needed)) return;
    const verb = risk === 'read' ? 'view this' : risk === 'write' ? 'make this change' : 'request this change';
    throw new ForbiddenError(
      `You are not allowed to ${verb} (${operationName} needs the ${needed.filter((r) => r !== 'approver').join(' or ')} role in the policy).`,
    );
  }
}
