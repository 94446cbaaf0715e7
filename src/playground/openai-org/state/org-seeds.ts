import { badRequest, conflict } from '../api-error.js';
import { randomSecret } from '../ids.js';
import { appendAuditEvent, sessionActor } from './audit-events.js';
import { INVITE_TTL_SECONDS } from './defaults.js';
import type { AdminKeyRecord, GroupRecord, InviteProject, InviteRecord, OrgRole, UserRecord } from './records.js';
import { StateCore } from './state-core.js';

export interface NewUser {
  email: string;
  name?: string | null;
  role?: OrgRole;
  addedAt?: number;
}

export interface NewInvite {
  email: string;
  role?: OrgRole;
  /** Omit (or `null`) to have the user join the default project on acceptance; `[]` for no project. */
  projects?: InviteProject[] | null;
}

export interface NewAdminKey {
  name: string;
  expiresInSeconds?: number;
  lastUsedAt?: number | null;
}

/** Organization-level seeding helpers; the HTTP handlers call the same methods. */
export class OrgSeeds extends StateCore {
  /** Adds an organization member (default role `reader`); 409 if the email is already a member. */
  addUser(input: NewUser): UserRecord {
    if (this.findUserByEmail(input.email)) {
      throw conflict(`${input.email} is already a member of this organization.`, 'email', 'user_already_exists');
    }
    const user: UserRecord = {
      id: this.ids.next('user'),
      email: input.email,
      name: input.name ?? null,
      role: input.role ?? 'reader',
      addedAt: input.addedAt ?? this.now,
      technicalLevel: null,
      developerPersona: null,
      roleId: null,
    };
    this.users.set(user.id, user);
    return user;
  }

  /** Removes a member from the organization, its projects and groups, and revokes its project API keys. */
  deleteUser(id: string): UserRecord {
    const user = this.requireUser(id);
    this.users.delete(id);
    for (const project of this.projects.values()) {
      project.members.delete(id);
      for (const key of project.apiKeys.values()) {
        if (key.owner.type === 'user' && key.owner.userId === id) project.apiKeys.delete(key.id);
      }
    }
    for (const group of this.groups.values()) group.members.delete(id);
    return user;
  }

  /** Creates a pending invite (default role `reader`); 409 if the email is a member or already has a pending invite. */
  addInvite(input: NewInvite): InviteRecord {
    if (this.findUserByEmail(input.email)) {
      throw conflict(`${input.email} is already a member of this organization.`, 'email', 'user_already_exists');
    }
    const wanted = input.email.toLowerCase();
    const pending = [...this.invites.values()].find(
      (invite) => invite.email.toLowerCase() === wanted && this.inviteStatus(invite) === 'pending',
    );
    if (pending) {
      throw conflict(
        `An invite for ${input.email} is already pending (${pending.id}).`,
        'email',
        'invite_already_pending',
      );
    }
    for (const [index, project] of (input.projects ?? []).entries()) {
      this.requireActiveProject(project.id, `projects[${index}].id`);
    }
    const now = this.now;
    const invite: InviteRecord = {
      id: this.ids.next('invite', '-'),
      email: input.email,
      role: input.role ?? 'reader',
      status: 'pending',
      createdAt: now,
      expiresAt: now + INVITE_TTL_SECONDS,
      acceptedAt: null,
      projects: input.projects ?? null,
    };
    this.invites.set(invite.id, invite);
    return invite;
  }

  /** Simulates the invitee accepting: creates the user, adds the invite's projects, logs `invite.accepted`. */
  acceptInvite(id: string): UserRecord {
    const invite = this.requireInvite(id);
    const status = this.inviteStatus(invite);
    if (status !== 'pending')
      throw badRequest(`Invite ${id} is ${status} and cannot be accepted.`, null, 'invite_not_pending');
    const user = this.addUser({ email: invite.email, role: invite.role });
    invite.status = 'accepted';
    invite.acceptedAt = this.now;
    const grants = invite.projects ?? [{ id: this.defaultProjectId, role: 'member' }];
    for (const grant of grants) {
      const project = this.projects.get(grant.id);
      if (project && project.archivedAt === null) {
        project.members.set(user.id, { userId: user.id, role: grant.role, addedAt: this.now });
      }
    }
    appendAuditEvent(this, { type: 'invite.accepted', payload: { id }, actor: sessionActor(user), projectId: null });
    return user;
  }

  /** Revokes a pending or expired invite; 400 for an accepted one. */
  deleteInvite(id: string): InviteRecord {
    const invite = this.requireInvite(id);
    if (invite.status === 'accepted') {
      throw badRequest(
        `Invite ${id} has already been accepted and cannot be deleted.`,
        null,
        'invite_already_accepted',
      );
    }
    this.invites.delete(id);
    return invite;
  }

  /** Creates an admin API key (`key_<n>`) with a random `sk-admin-...` value kept in `record.value`. */
  addAdminKey(input: NewAdminKey): AdminKeyRecord {
    const now = this.now;
    const key: AdminKeyRecord = {
      id: this.ids.next('key'),
      name: input.name,
      value: randomSecret('sk-admin-'),
      createdAt: now,
      expiresAt: input.expiresInSeconds === undefined ? null : now + input.expiresInSeconds,
      lastUsedAt: input.lastUsedAt ?? null,
      owner: {
        type: 'user',
        object: 'organization.user',
        id: this.owner.id,
        name: this.owner.name,
        created_at: now,
        role: 'owner',
      },
    };
    this.adminKeys.set(key.id, key);
    return key;
  }

  /** Creates a group (`group_<n>`). */
  addGroup(input: { name: string }): GroupRecord {
    const group: GroupRecord = {
      id: this.ids.next('group'),
      name: input.name,
      createdAt: this.now,
      members: new Map(),
    };
    this.groups.set(group.id, group);
    return group;
  }

  /** Adds an organization member to a group; 409 if already in it. */
  addGroupUser(groupId: string, userId: string): GroupRecord {
    const group = this.requireGroup(groupId);
    this.requireUser(userId, 'user_id');
    if (group.members.has(userId))
      throw conflict(`User ${userId} is already in group ${groupId}.`, 'user_id', 'already_exists');
    group.members.set(userId, this.now);
    return group;
  }
}
