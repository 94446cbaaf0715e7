import { badRequest, conflict, notFound } from '../api-error.js';
import { randomSecret } from '../ids.js';
import { OrgSeeds } from './org-seeds.js';
import type {
  MemberRecord,
  ModelPermissionsRecord,
  ProjectApiKeyRecord,
  ProjectRecord,
  ProjectRole,
  RateLimitRecord,
  ServiceAccountRecord,
} from './records.js';

export interface NewProject {
  name: string;
  archived?: boolean;
  residency?: string | null;
  externalKeyId?: string | null;
  createdAt?: number;
}

export interface NewProjectUser {
  userId?: string | null;
  email?: string | null;
  role?: ProjectRole;
}

export interface NewServiceAccount {
  name: string;
  /** `false` creates it without default membership and without a key (role `none`). Default `true`. */
  withKey?: boolean;
}

export interface NewProjectApiKey {
  name?: string;
  userId?: string;
  serviceAccountId?: string;
  lastUsedAt?: number | null;
  scopes?: string[];
}

/** Project-level seeding helpers; the HTTP handlers call the same methods. */
export class ProjectSeeds extends OrgSeeds {
  /** Creates a project (`proj_<n>`), optionally already archived. */
  addProject(input: NewProject): ProjectRecord {
    const project = this.newProject(this.ids.next('proj'), input.name, false);
    if (input.createdAt !== undefined) project.createdAt = input.createdAt;
    project.residency = input.residency ?? null;
    project.externalKeyId = input.externalKeyId ?? null;
    if (input.archived) project.archivedAt = this.now;
    this.projects.set(project.id, project);
    return project;
  }

  /** Archives a project; 400 for the default project or one already archived. */
  archiveProject(id: string): ProjectRecord {
    const project = this.requireProject(id);
    if (project.isDefault) throw badRequest('The default project cannot be archived.', null, 'default_project');
    if (project.archivedAt !== null) throw badRequest(`Project ${id} is already archived.`, null, 'project_archived');
    project.archivedAt = this.now;
    return project;
  }

  /** Adds an existing org member (by id or email) to an active project; default role `member`. */
  addProjectUser(projectId: string, input: NewProjectUser): MemberRecord {
    const project = this.requireActiveProject(projectId);
    let userId = input.userId ?? null;
    if (userId !== null) this.requireUser(userId, 'user_id');
    else if (input.email) {
      const user = this.findUserByEmail(input.email);
      if (!user) throw notFound('user with email', input.email, 'email');
      userId = user.id;
    } else throw badRequest("One of 'user_id' or 'email' is required.", 'user_id', 'missing_required_parameter');
    if (project.members.has(userId)) {
      throw conflict(`User ${userId} is already a member of project ${projectId}.`, 'user_id', 'user_already_exists');
    }
    const member: MemberRecord = { userId, role: input.role ?? 'member', addedAt: this.now };
    project.members.set(userId, member);
    return member;
  }

  /** The project membership of a user, or a 404. */
  requireMember(project: ProjectRecord, userId: string): MemberRecord {
    const member = project.members.get(userId);
    if (!member) throw notFound('project user', userId);
    return member;
  }

  /** Creates a service account (`svc_acct_<n>`) and, unless `withKey` is false, its first API key. */
  addServiceAccount(
    projectId: string,
    input: NewServiceAccount,
  ): { serviceAccount: ServiceAccountRecord; apiKey: ProjectApiKeyRecord | null } {
    const project = this.requireActiveProject(projectId);
    const withKey = input.withKey ?? true;
    const serviceAccount: ServiceAccountRecord = {
      id: this.ids.next('svc_acct'),
      name: input.name,
      role: withKey ? 'member' : 'none',
      createdAt: this.now,
    };
    project.serviceAccounts.set(serviceAccount.id, serviceAccount);
    const apiKey = withKey ? this.addProjectApiKey(projectId, { serviceAccountId: serviceAccount.id }) : null;
    return { serviceAccount, apiKey };
  }

  /** The service account of a project, or a 404. */
  requireServiceAccount(project: ProjectRecord, id: string): ServiceAccountRecord {
    const account = project.serviceAccounts.get(id);
    if (!account) throw notFound('service account', id);
    return account;
  }

  /** Deletes a service account and every key it owns. */
  deleteServiceAccount(projectId: string, id: string): ServiceAccountRecord {
    const project = this.requireActiveProject(projectId);
    const account = this.requireServiceAccount(project, id);
    project.serviceAccounts.delete(id);
    for (const key of project.apiKeys.values()) {
      if (key.owner.type === 'service_account' && key.owner.serviceAccountId === id) project.apiKeys.delete(key.id);
    }
    return account;
  }

  /** Adds a project API key (`key_<n>`) owned by a user or a service account; the secret is in `record.value`. */
  addProjectApiKey(projectId: string, input: NewProjectApiKey): ProjectApiKeyRecord {
    const project = this.requireProject(projectId);
    let owner: ProjectApiKeyRecord['owner'];
    let prefix = 'sk-proj-';
    if (input.serviceAccountId !== undefined) {
      this.requireServiceAccount(project, input.serviceAccountId);
      owner = { type: 'service_account', serviceAccountId: input.serviceAccountId };
      prefix = 'sk-svcacct-';
    } else if (input.userId !== undefined) {
      this.requireUser(input.userId);
      owner = { type: 'user', userId: input.userId };
    } else throw new Error('addProjectApiKey needs userId or serviceAccountId');
    const key: ProjectApiKeyRecord = {
      id: this.ids.next('key'),
      name: input.name ?? 'Secret key',
      value: randomSecret(prefix),
      createdAt: this.now,
      lastUsedAt: input.lastUsedAt ?? null,
      expiresAt: null,
      scopes: input.scopes ?? [],
      owner,
    };
    project.apiKeys.set(key.id, key);
    return key;
  }

  /** The API key of a project, or a 404. */
  requireProjectApiKey(project: ProjectRecord, id: string): ProjectApiKeyRecord {
    const key = project.apiKeys.get(id);
    if (!key) throw notFound('API key', id);
    return key;
  }

  /** `active` when the key's owner still has access to the project. */
  ownerAccess(project: ProjectRecord, key: ProjectApiKeyRecord): 'active' | 'inactive' {
    const present =
      key.owner.type === 'user'
        ? project.members.has(key.owner.userId)
        : project.serviceAccounts.has(key.owner.serviceAccountId);
    return present ? 'active' : 'inactive';
  }

  /** Adds (or replaces) the rate limit of one model in a project; id `rl-<model>`. */
  addRateLimit(projectId: string, input: Omit<RateLimitRecord, 'id'>): RateLimitRecord {
    const project = this.requireProject(projectId);
    const record: RateLimitRecord = { id: `rl-${input.model}`, ...input };
    project.rateLimits.set(record.id, record);
    return record;
  }

  /** The rate limit of a project, or a 404. */
  requireRateLimit(project: ProjectRecord, id: string): RateLimitRecord {
    const limit = project.rateLimits.get(id);
    if (!limit) throw notFound('rate limit', id);
    return limit;
  }

  /** Sets a project's model allow/deny list (full replacement). */
  setModelPermissions(projectId: string, permissions: ModelPermissionsRecord): ModelPermissionsRecord {
    const project = this.requireProject(projectId);
    project.modelPermissions = { mode: permissions.mode, model_ids: [...permissions.model_ids] };
    return project.modelPermissions;
  }
}
