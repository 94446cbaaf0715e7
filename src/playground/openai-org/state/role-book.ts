import { badRequest, conflict, notFound } from '../api-error.js';
import type { ProjectSeeds } from './project-seeds.js';
import {
  assertPermissions,
  type NewRole,
  PREDEFINED,
  type PrincipalType,
  type RoleAssignmentRecord,
  type RolePatch,
  type RoleRecord,
  type RoleScope,
} from './role-records.js';

export type { NewRole, PrincipalType, RoleAssignmentRecord, RolePatch, RoleRecord, RoleScope } from './role-records.js';

/**
 * Custom RBAC roles of the organization and its projects, and the roles given to users and groups. A project
 * role can be given only to members of that project and to groups with access to it; assignments go with their
 * role when it is deleted.
 */
export class RoleBook {
  private readonly custom = new Map<string, RoleRecord>();
  /** In creation order, which is the order lists return. */
  private assignments: RoleAssignmentRecord[] = [];

  constructor(private readonly state: ProjectSeeds) {}

  reset(): void {
    this.custom.clear();
    this.assignments = [];
  }

  /** Roles of the organization (`projectId` null) or of one project: predefined first, then custom ones. */
  rolesOf(projectId: string | null): RoleRecord[] {
    const scope: RoleScope = projectId === null ? 'api.organization' : 'api.project';
    const own = [...this.custom.values()].filter((role) => role.projectId === projectId);
    return [...PREDEFINED.filter((role) => role.resourceType === scope), ...own];
  }

  /** The role in that scope, or a 404 (a role of another scope is not found either). */
  requireRole(projectId: string | null, roleId: string, param: string | null = null): RoleRecord {
    const role = this.rolesOf(projectId).find((candidate) => candidate.id === roleId);
    if (!role) throw notFound('role', roleId, param);
    return role;
  }

  /** Creates a custom role (`role_<n>`); 400 for a malformed permission, 409 for a name taken in its scope. */
  addRole(input: NewRole): RoleRecord {
    const projectId = input.projectId ?? null;
    if (projectId !== null) this.state.requireActiveProject(projectId);
    assertPermissions(input.permissions);
    this.assertNameFree(projectId, input.name);
    const now = this.state.now;
    const role: RoleRecord = {
      id: this.state.ids.next('role'),
      name: input.name,
      description: input.description ?? null,
      permissions: [...new Set(input.permissions)],
      resourceType: projectId === null ? 'api.organization' : 'api.project',
      predefined: false,
      projectId,
      createdAt: now,
      updatedAt: now,
      createdBy: this.state.owner.id,
    };
    this.custom.set(role.id, role);
    return role;
  }

  /** Changes a custom role; `null` or absent fields stay as they are. Predefined roles are refused with 400. */
  updateRole(projectId: string | null, roleId: string, patch: RolePatch): RoleRecord {
    const role = this.requireCustom(projectId, roleId);
    if (patch.permissions) assertPermissions(patch.permissions);
    if (patch.name) this.assertNameFree(projectId, patch.name, role.id);
    if (patch.name) role.name = patch.name;
    if (patch.permissions) role.permissions = [...new Set(patch.permissions)];
    if (patch.description !== undefined && patch.description !== null) role.description = patch.description;
    role.updatedAt = this.state.now;
    return role;
  }

  /** Deletes a custom role and takes it from everyone who held it. */
  deleteRole(projectId: string | null, roleId: string): RoleRecord {
    const role = this.requireCustom(projectId, roleId);
    this.custom.delete(role.id);
    this.assignments = this.assignments.filter((a) => !(a.roleId === role.id && a.projectId === projectId));
    return role;
  }

  /** Gives a role; 404 for an unknown user, group, role or (in a project) a user who is not a member; 409 if held. */
  assign(type: PrincipalType, principalId: string, projectId: string | null, roleId: string): RoleAssignmentRecord {
    this.requirePrincipal(type, principalId, projectId, { active: true });
    const role = this.requireRole(projectId, roleId, 'role_id');
    if (this.find(type, principalId, projectId, role.id)) {
      throw conflict(`The ${type} ${principalId} already has role ${role.id}.`, 'role_id', 'role_already_assigned');
    }
    const record: RoleAssignmentRecord = {
      principalType: type,
      principalId,
      projectId,
      roleId: role.id,
      createdAt: this.state.now,
    };
    this.assignments.push(record);
    return record;
  }

  /** Takes a role back; 404 when the principal does not hold it. */
  unassign(type: PrincipalType, principalId: string, projectId: string | null, roleId: string): RoleAssignmentRecord {
    const record = this.requireAssignment(type, principalId, projectId, roleId, { active: true });
    this.assignments = this.assignments.filter((a) => a !== record);
    return record;
  }

  /** The roles a user or group holds in a scope, with each role record; 404 for an unknown principal. */
  heldBy(
    type: PrincipalType,
    principalId: string,
    projectId: string | null,
  ): { assignment: RoleAssignmentRecord; role: RoleRecord }[] {
    this.requirePrincipal(type, principalId, projectId);
    return this.assignments
      .filter((a) => a.principalType === type && a.principalId === principalId && a.projectId === projectId)
      .map((assignment) => ({ assignment, role: this.requireRole(projectId, assignment.roleId) }));
  }

  /** One assignment, or a 404. */
  requireAssignment(
    type: PrincipalType,
    principalId: string,
    projectId: string | null,
    roleId: string,
    options: { active?: boolean } = {},
  ): RoleAssignmentRecord {
    this.requirePrincipal(type, principalId, projectId, options);
    const record = this.find(type, principalId, projectId, roleId);
    if (!record) throw notFound('role assignment', roleId);
    return record;
  }

  private find(type: PrincipalType, principalId: string, projectId: string | null, roleId: string) {
    return this.assignments.find(
      (a) =>
        a.principalType === type && a.principalId === principalId && a.projectId === projectId && a.roleId === roleId,
    );
  }

  private requirePrincipal(
    type: PrincipalType,
    id: string,
    projectId: string | null,
    options: { active?: boolean } = {},
  ) {
    const project =
      projectId === null
        ? null
        : options.active
          ? this.state.requireActiveProject(projectId)
          : this.state.requireProject(projectId);
    if (type === 'group') {
      this.state.requireGroup(id);
      if (project && !project.groups.has(id)) throw notFound('project group', id);
      return;
    }
    this.state.requireUser(id);
    if (project) this.state.requireMember(project, id);
  }

  private requireCustom(projectId: string | null, roleId: string): RoleRecord {
    const role = this.requireRole(projectId, roleId);
    if (role.predefined) {
      throw badRequest(
        `Role ${role.id} is a predefined role and cannot be changed or deleted.`,
        null,
        'predefined_role',
      );
    }
    return role;
  }

  private assertNameFree(projectId: string | null, name: string, exceptId?: string): void {
    const wanted = name.trim().toLowerCase();
    const taken = this.rolesOf(projectId).find(
      (role) => role.id !== exceptId && role.name.trim().toLowerCase() === wanted,
    );
    if (taken)
      throw conflict(`A role named '${taken.name}' already exists (${taken.id}).`, 'role_name', 'role_name_taken');
  }
}
