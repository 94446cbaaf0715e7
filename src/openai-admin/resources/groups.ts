import type { AdminApi } from '../../domain/admin-api/admin-api.js';
import { group, groupAssignment, groupUser, projectGroup } from '../../domain/admin-api/groups.js';
import { deleted } from '../../domain/admin-api/organization.js';
import { call, listing } from '../call.js';
import type { ResourceContext } from './context.js';

/** `/organization/groups`: groups of organization members. */
export function groupsResource({ org, limits }: ResourceContext): AdminApi['groups'] {
  return {
    list: (params = {}) =>
      listing('groups', limits, group, (after) => org.groups.list({ limit: params.limit ?? 100, after })),
    create: (body) => call(group, () => org.groups.create(body)),
    retrieve: (groupId) => call(group, () => org.groups.retrieve(groupId)),
    update: (groupId, body) => call(group, () => org.groups.update(groupId, body)),
    delete: (groupId) => call(deleted, () => org.groups.delete(groupId)),
  };
}

/** `/organization/groups/{group_id}/users`: who is in a group. */
export function groupUsersResource({ org, limits }: ResourceContext): AdminApi['groupUsers'] {
  const users = org.groups.users;
  return {
    list: (groupId, params = {}) =>
      listing('group members', limits, groupUser, (after) =>
        users.list(groupId, { limit: params.limit ?? 100, after }),
      ),
    add: (groupId, body) => call(groupAssignment, () => users.create(groupId, body)),
    retrieve: (groupId, userId) => call(groupUser, () => users.retrieve(userId, { group_id: groupId })),
    remove: (groupId, userId) => call(deleted, () => users.delete(userId, { group_id: groupId })),
  };
}

/** `/organization/projects/{project_id}/groups`: groups with access to a project. */
export function projectGroupsResource({ org, limits }: ResourceContext): AdminApi['projectGroups'] {
  const groups = org.projects.groups;
  return {
    list: (projectId, params = {}) =>
      listing('project groups', limits, projectGroup, (after) =>
        groups.list(projectId, { limit: params.limit ?? 100, after }),
      ),
    add: (projectId, body) => call(projectGroup, () => groups.create(projectId, body)),
    retrieve: (projectId, groupId) => call(projectGroup, () => groups.retrieve(groupId, { project_id: projectId })),
    remove: (projectId, groupId) => call(deleted, () => groups.delete(groupId, { project_id: projectId })),
  };
}
