import { redact } from '../ids.js';
import type { FakeState } from '../state/fake-state.js';
import type { AdminKeyRecord, GroupRecord, InviteRecord, ProjectRecord, UserRecord } from '../state/records.js';

/** `organization.user` */
export function userView(user: UserRecord) {
  return {
    object: 'organization.user',
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    added_at: user.addedAt,
    is_default: false,
    created: user.addedAt,
    user: {
      object: 'user',
      id: user.id,
      email: user.email,
      name: user.name,
      picture: null,
      enabled: true,
      banned: false,
      banned_at: null,
    },
    is_service_account: false,
    is_scim_managed: false,
    is_scale_tier_authorized_purchaser: null,
    api_key_last_used_at: null,
    technical_level: user.technicalLevel,
    developer_persona: user.developerPersona,
  };
}

/** `organization.invite`; `projects` is `[]` when the invite was created without it. */
export function inviteView(state: FakeState, invite: InviteRecord) {
  return {
    object: 'organization.invite',
    id: invite.id,
    email: invite.email,
    role: invite.role,
    status: state.inviteStatus(invite),
    created_at: invite.createdAt,
    expires_at: invite.expiresAt,
    accepted_at: invite.acceptedAt,
    projects: invite.projects ?? [],
  };
}

/** `organization.project` */
export function projectView(project: ProjectRecord) {
  return {
    object: 'organization.project',
    id: project.id,
    name: project.name,
    created_at: project.createdAt,
    archived_at: project.archivedAt,
    status: project.archivedAt === null ? 'active' : 'archived',
    external_key_id: project.externalKeyId,
    ...(project.residency === null ? {} : { residency: project.residency }),
  };
}

/** `organization.admin_api_key`; the secret `value` is added only by the create handler. */
export function adminKeyView(key: AdminKeyRecord) {
  return {
    object: 'organization.admin_api_key',
    id: key.id,
    name: key.name,
    redacted_value: redact(key.value),
    created_at: key.createdAt,
    expires_at: key.expiresAt,
    last_used_at: key.lastUsedAt,
    owner: key.owner,
  };
}

/** Group as list/create/retrieve return it. */
export function groupView(group: GroupRecord) {
  return {
    object: 'group',
    id: group.id,
    name: group.name,
    created_at: group.createdAt,
    is_scim_managed: false,
    group_type: 'group',
  };
}

/** Group member list item. */
export function groupUserView(user: UserRecord) {
  // The document types a group member's name as a string, never null.
  return { id: user.id, name: user.name ?? '', email: user.email };
}
