import type { RoleAssignmentRecord, RoleRecord } from '../state/role-book.js';

/** `role`, as every role endpoint returns it. */
export function roleView(role: RoleRecord) {
  return {
    object: 'role',
    id: role.id,
    name: role.name,
    description: role.description,
    permissions: [...role.permissions],
    resource_type: role.resourceType,
    predefined_role: role.predefined,
  };
}

/** `AssignedRoleDetails`: a role as one user or group holds it, with where the assignment comes from. */
export function assignedRoleView(role: RoleRecord, assignment: RoleAssignmentRecord) {
  return {
    id: role.id,
    name: role.name,
    permissions: [...role.permissions],
    resource_type: role.resourceType,
    predefined_role: role.predefined,
    description: role.description,
    created_at: assignment.createdAt,
    updated_at: role.updatedAt || null,
    created_by: role.createdBy,
    created_by_user_obj: null,
    metadata: null,
    assignment_sources: [{ principal_id: assignment.principalId, principal_type: assignment.principalType }],
  };
}
