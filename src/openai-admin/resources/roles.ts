import type { AdminApi } from '../../domain/admin-api/admin-api.js';
import { NotFoundApiError } from '../../domain/admin-api/errors.js';
import { deleted } from '../../domain/admin-api/organization.js';
import { assignedRole, role, roleAssignment } from '../../domain/admin-api/roles.js';
import { call, listing, type SdkPage, type SdkPromise } from '../call.js';
import type { ResourceContext } from './context.js';

/** Roles of the organization (`/organization/roles`) or of a project (`/projects/{project_id}/roles`). */
export function rolesResource({ org, limits }: ResourceContext): AdminApi['roles'] {
  const ofOrg = org.roles;
  const ofProject = org.projects.roles;
  return {
    list: (scope, params = {}) =>
      listing('roles', limits, role, (after) => {
        const query = { limit: params.limit ?? 100, after };
        return scope === null ? ofOrg.list(query) : ofProject.list(scope, query);
      }),
    create: (scope, body) => call(role, () => (scope === null ? ofOrg.create(body) : ofProject.create(scope, body))),
    retrieve: (scope, id) =>
      call(role, () => (scope === null ? ofOrg.retrieve(id) : ofProject.retrieve(id, { project_id: scope }))),
    update: (scope, id, body) =>
      call(role, () =>
        scope === null ? ofOrg.update(id, body) : ofProject.update(id, { project_id: scope, ...body }),
      ),
    delete: (scope, id) =>
      call(deleted, () => (scope === null ? ofOrg.delete(id) : ofProject.delete(id, { project_id: scope }))),
  };
}

/** Calls on the roles of one user or group: the holder's id first, the other ids among the parameters. */
interface AssignmentCalls {
  list(holderId: string, query: object): SdkPromise<SdkPage>;
  create(holderId: string, body: object): SdkPromise<unknown>;
  retrieve(roleId: string, params: object): SdkPromise<unknown>;
  delete(roleId: string, params: object): SdkPromise<unknown>;
}

/** Roles held by users and groups, in the organization or in one project (`/{users|groups}/{id}/roles`). */
export function roleAssignmentsResource({ org, limits }: ResourceContext): AdminApi['roleAssignments'] {
  /** The SDK resource for one kind of principal in one scope; the four share this shape. */
  const of = (kind: 'user' | 'group', scope: string | null): AssignmentCalls => {
    if (scope === null) return (kind === 'user' ? org.users.roles : org.groups.roles) as unknown as AssignmentCalls;
    return (kind === 'user' ? org.projects.users.roles : org.projects.groups.roles) as unknown as AssignmentCalls;
  };
  const inProject = (scope: string | null) => (scope === null ? {} : { project_id: scope });
  const owner = (kind: 'user' | 'group', id: string, scope: string | null) => ({
    ...(kind === 'user' ? { user_id: id } : { group_id: id }),
    ...inProject(scope),
  });
  return {
    list: ({ kind, id }, scope, params = {}) =>
      listing('role assignments', limits, assignedRole, (after) =>
        of(kind, scope).list(id, { limit: params.limit ?? 100, after, ...inProject(scope) }),
      ),
    assign: ({ kind, id }, scope, roleId) =>
      call(roleAssignment, () => of(kind, scope).create(id, { role_id: roleId, ...inProject(scope) })),
    retrieve: async ({ kind, id }, scope, roleId) => {
      try {
        return await call(assignedRole, () => of(kind, scope).retrieve(roleId, owner(kind, id, scope)));
      } catch (error) {
        if (error instanceof NotFoundApiError) return { data: null, requestId: error.requestId };
        throw error;
      }
    },
    unassign: ({ kind, id }, scope, roleId) =>
      call(deleted, () => of(kind, scope).delete(roleId, owner(kind, id, scope))),
  };
}
