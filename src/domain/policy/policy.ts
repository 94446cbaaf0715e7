import { ForbiddenError } from '../../errors.js';
import type { Actor } from '../actor.js';
import type { Risk } from '../operations/operation.js';
import type { OperationRule, PolicyDocument, RoleName } from './policy-schema.js';

/** Resolves Slack user groups to their members; the Slack layer implements it with `usergroups.users.list`. */
export interface GroupDirectory {
  membersOf(groupId: string): Promise<readonly string[]>;
}

/** What the policy says about one operation, with defaults applied. */
export interface EffectiveRule {
  requireApproval: boolean;
  approvals: number;
  approverRole: RoleName;
  allowedRoles: readonly RoleName[];
  channels: readonly string[] | undefined;
  expiresAfterMs: number;
}

/**
 * Who hears of a request awaiting a role, and how: `mention` names user groups and members on the card, `dm` lists
 * every member (groups expanded) to message one by one. Neither holds "*" or the requester.
 */
export type ApproverNotice =
  | { how: 'mention'; groups: readonly string[]; users: readonly string[] }
  | { how: 'dm'; users: readonly string[] };

const DEFAULT_ALLOWED: Record<Risk, RoleName[]> = {
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

  /**
   * The rule for an operation, merged key by key: its own entry over its resource's `name.*` entry over the
   * defaults, so a rule that sets only `approvals` keeps the resource's channel restriction.
   */
  ruleFor(operationName: string, risk: Risk): EffectiveRule {
    const resource = operationName.split('.')[0];
    const own: OperationRule = {
      ...definedKeys(this.document.operations[`${resource}.*`]),
      ...definedKeys(this.document.operations[operationName]),
    };
    return {
      requireApproval: own.require_approval ?? risk === 'destructive',
      approvals: own.approvals ?? this.document.approvals.required,
      approverRole: own.approver_role ?? 'approver',
      allowedRoles: own.allowed_role ? [own.allowed_role] : DEFAULT_ALLOWED[risk],
      channels: own.channels,
      expiresAfterMs: own.expires_after ?? this.document.approvals.expires_after,
    };
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

  /** Who to notify of a request that awaits `role`, as `approvals.notify` says. */
  async approverNotice(role: string, requesterId: string): Promise<ApproverNotice> {
    const listed: readonly string[] = Object.hasOwn(this.document.roles, role)
      ? this.document.roles[role as RoleName]
      : [];
    const members = listed.filter((m) => m !== '*' && m !== requesterId);
    const groups = members.filter((m) => m.startsWith('S'));
    const users = members.filter((m) => !m.startsWith('S'));
    if (this.document.approvals.notify === 'mention') return { how: 'mention', groups, users };
    return { how: 'dm', users: (await this.usersInRole(role)).filter((u) => u !== requesterId) };
  }

  /** Everyone named in a role, user groups expanded; "*" names no one in particular. */
  async usersInRole(role: string): Promise<string[]> {
    const listed: readonly string[] = Object.hasOwn(this.document.roles, role)
      ? this.document.roles[role as RoleName]
      : [];
    const everyone = new Set(listed.filter((m) => m !== '*' && !m.startsWith('S')));
    for (const groupId of listed.filter((m) => m.startsWith('S'))) {
      for (const userId of (await this.#groups?.membersOf(groupId)) ?? []) everyone.add(userId);
    }
    return [...everyone];
  }

  async hasAnyRole(userId: string, roles: readonly RoleName[]): Promise<boolean> {
    for (const role of roles) if (await this.hasRole(userId, role)) return true;
    return false;
  }

  /**
   * Throws ForbiddenError unless the actor may run (or request) this operation here. `everyone`: any member may
   * (self-service requests); channel restrictions still apply.
   */
  async assertMayRun(
    actor: Actor,
    risk: Risk,
    operationName: string,
    options: { everyone?: boolean } = {},
  ): Promise<EffectiveRule> {
    const rule = this.ruleFor(operationName, risk);
    if (actor.source === 'cli') return rule;
    if (rule.channels && (!actor.channelId || !rule.channels.includes(actor.channelId))) {
      throw new ForbiddenError(`${operationName} may only be used in these channels: ${rule.channels.join(', ')}.`);
    }
    if (options.everyone || (await this.hasAnyRole(actor.userId, rule.allowedRoles))) return rule;
    const verb = risk === 'read' ? 'view this' : rule.requireApproval ? 'request this change' : 'make this change';
    throw new ForbiddenError(
      `You are not allowed to ${verb} (${operationName} needs the ${this.#roleList(rule, risk)} role in the policy).`,
    );
  }

  /**
   * Why the person who filed a request may no longer run its operation under the policy as it is now (a role
   * taken away, a channel restriction added), or undefined when they still may.
   */
  async whyMayNotRun(
    requester: Actor,
    risk: Risk,
    operationName: string,
    options: { everyone?: boolean } = {},
  ): Promise<string | undefined> {
    const rule = this.ruleFor(operationName, risk);
    if (requester.source === 'cli') return undefined;
    if (rule.channels && (!requester.channelId || !rule.channels.includes(requester.channelId))) {
      const from = requester.channelId
        ? `this request came from ${requester.channelId}`
        : 'this request came from no channel';
      return `${operationName} may now only be used in ${rule.channels.join(', ')}, and ${from}`;
    }
    if (options.everyone || (await this.hasAnyRole(requester.userId, rule.allowedRoles))) return undefined;
    return `the requester ${requester.userId} no longer holds the ${this.#roleList(rule, risk)} role that ${operationName} needs`;
  }

  #roleList(rule: EffectiveRule, risk: Risk): string {
    return rule.allowedRoles.filter((r) => risk !== 'read' || r !== 'approver').join(' or ');
  }
}

/** The keys of a rule that are set; an absent rule has none. */
function definedKeys(rule: OperationRule | undefined): OperationRule {
  return Object.fromEntries(Object.entries(rule ?? {}).filter(([, value]) => value !== undefined)) as OperationRule;
}
