import { badRequest, notFound } from '../api-error.js';
import { IdCounter } from '../ids.js';
import { CertificateBook } from './certificates.js';
import { DEFAULT_RATE_LIMITS } from './defaults.js';
import { HostedToolBook } from './hosted-tools.js';
import type {
  AdminKeyRecord,
  AuditLogRecord,
  CostRecord,
  GroupRecord,
  InviteRecord,
  OrgRetentionType,
  ProjectRecord,
  RateLimitRecord,
  SpendAlertRecord,
  SpendLimitRecord,
  UsageRecord,
  UserRecord,
} from './records.js';

/**
 * The data of the emulated organization plus lookups that fail the way the API does. Maps keep creation
 * order, which is the order list endpoints return.
 */
export class StateCore {
  readonly ids = new IdCounter();
  readonly users = new Map<string, UserRecord>();
  readonly invites = new Map<string, InviteRecord>();
  readonly projects = new Map<string, ProjectRecord>();
  readonly adminKeys = new Map<string, AdminKeyRecord>();
  readonly groups = new Map<string, GroupRecord>();
  readonly orgSpendAlerts = new Map<string, SpendAlertRecord>();
  /** Uploaded certificates and where each is active. */
  readonly certificates = new CertificateBook(this.ids, () => this.now);
  /** Which hosted tools each project may use. */
  readonly hostedTools = new HostedToolBook();
  orgSpendLimit: SpendLimitRecord | null = null;
  /** Default `modified_abuse_monitoring`, the least strict value of the organization enum. */
  orgDataRetention: OrgRetentionType = 'modified_abuse_monitoring';
  /** When set, `GET /organization/users` lists everyone whatever `emails` asks for, as a server that drops the filter would. */
  ignoresEmailFilter = false;
  /**
   * How a project's model permissions or a spend limit that was never set is read: `empty`, a 200 with empty
   * values (the only answer the document allows), or `not_found`, a 404 as some servers answer.
   */
  absentSettingsAnswer: 'empty' | 'not_found' = 'empty';
  readonly auditLogs: AuditLogRecord[] = [];
  readonly costs: CostRecord[] = [];
  /** Seeded usage of every kind, in the order added. */
  readonly usage: UsageRecord[] = [];
  readonly orgId = 'org-test';
  /** The org owner behind the bot's admin key; audit events of API calls name them. Not in `users`. */
  readonly owner = { id: 'user_owner', email: 'owner@example.com', name: 'Org Owner' };
  /** Id of the admin key whose value is the fake's `adminKey` (the key the bot runs with). */
  readonly botKeyId = 'key_bot';
  /** Id of the organization's default project, which exists from the start. */
  readonly defaultProjectId = 'proj_default';
  private fixedNow: number | undefined;

  constructor(readonly adminKey: string) {
    this.seedBaseline();
  }

  /** Unix seconds; real time unless set. Assign `undefined` to go back to real time. */
  get now(): number {
    return this.fixedNow ?? Math.floor(Date.now() / 1000);
  }

  set now(value: number | undefined) {
    this.fixedNow = value;
  }

  /** Empties everything and re-creates the default project and the bot's admin key; the clock goes back to real time. */
  reset(): void {
    this.ids.reset();
    for (const map of [this.users, this.invites, this.projects, this.adminKeys, this.groups, this.orgSpendAlerts]) {
      map.clear();
    }
    this.certificates.clear();
    this.hostedTools.clear();
    this.orgSpendLimit = null;
    this.orgDataRetention = 'modified_abuse_monitoring';
    this.ignoresEmailFilter = false;
    this.absentSettingsAnswer = 'empty';
    this.auditLogs.length = 0;
    this.costs.length = 0;
    this.usage.length = 0;
    this.fixedNow = undefined;
    this.seedBaseline();
  }

  /** A new project record with the default rate limits; not yet stored. */
  protected newProject(id: string, name: string, isDefault: boolean): ProjectRecord {
    const rateLimits = new Map<string, RateLimitRecord>();
    for (const limit of DEFAULT_RATE_LIMITS) rateLimits.set(`rl-${limit.model}`, { id: `rl-${limit.model}`, ...limit });
    return {
      id,
      name,
      createdAt: this.now,
      archivedAt: null,
      externalKeyId: null,
      residency: null,
      isDefault,
      members: new Map(),
      serviceAccounts: new Map(),
      apiKeys: new Map(),
      rateLimits,
      modelPermissions: null,
      spendAlerts: new Map(),
      spendLimit: null,
      dataRetention: 'organization_default',
      groups: new Map(),
    };
  }

  private seedBaseline(): void {
    this.projects.set(this.defaultProjectId, this.newProject(this.defaultProjectId, 'Default project', true));
    const now = this.now;
    this.adminKeys.set(this.botKeyId, {
      id: this.botKeyId,
      name: 'Slack bot',
      value: this.adminKey,
      createdAt: now,
      expiresAt: null,
      lastUsedAt: null,
      owner: {
        type: 'user',
        object: 'organization.user',
        id: this.owner.id,
        name: this.owner.name,
        created_at: now,
        role: 'owner',
      },
    });
  }

  /** The user, or a 404 "No such user: <id>". */
  requireUser(id: string, param: string | null = null): UserRecord {
    const user = this.users.get(id);
    if (!user) throw notFound('user', id, param);
    return user;
  }

  /** Case-insensitive lookup of an org member by email. */
  findUserByEmail(email: string): UserRecord | undefined {
    const wanted = email.toLowerCase();
    return [...this.users.values()].find((user) => user.email.toLowerCase() === wanted);
  }

  /** The invite, or a 404. */
  requireInvite(id: string): InviteRecord {
    const invite = this.invites.get(id);
    if (!invite) throw notFound('invite', id);
    return invite;
  }

  /** `pending` turns into `expired` once `expiresAt` has passed. */
  inviteStatus(invite: InviteRecord): 'pending' | 'accepted' | 'expired' {
    return invite.status === 'pending' && this.now >= invite.expiresAt ? 'expired' : invite.status;
  }

  /** The project (active or archived), or a 404. */
  requireProject(id: string, param: string | null = null): ProjectRecord {
    const project = this.projects.get(id);
    if (!project) throw notFound('project', id, param);
    return project;
  }

  /** The project, or a 400 when it is archived ("archived projects cannot be used or updated"). */
  requireActiveProject(id: string, param: string | null = null): ProjectRecord {
    const project = this.requireProject(id, param);
    if (project.archivedAt !== null) {
      throw badRequest(`Project ${id} is archived and cannot be used or updated.`, param, 'project_archived');
    }
    return project;
  }

  /** The admin key, or a 404. */
  requireAdminKey(id: string): AdminKeyRecord {
    const key = this.adminKeys.get(id);
    if (!key) throw notFound('admin API key', id);
    return key;
  }

  /** The group, or a 404. */
  requireGroup(id: string): GroupRecord {
    const group = this.groups.get(id);
    if (!group) throw notFound('group', id);
    return group;
  }

  /** Spend alerts of the organization (`projectId` null) or of one project. */
  spendAlertsOf(projectId: string | null): Map<string, SpendAlertRecord> {
    return projectId === null ? this.orgSpendAlerts : this.requireProject(projectId).spendAlerts;
  }
}
