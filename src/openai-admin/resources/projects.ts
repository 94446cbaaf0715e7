import type { AdminApi } from '../../domain/admin-api/admin-api.js';
import { deleted } from '../../domain/admin-api/organization.js';
import {
  createdServiceAccount,
  project,
  projectApiKey,
  projectUser,
  serviceAccount,
  serviceAccountApiKey,
} from '../../domain/admin-api/projects.js';
import { call, listing } from '../call.js';
import type { ResourceContext } from './context.js';

/** `/organization/projects`: created, renamed and archived, never deleted. */
export function projectsResource({ org, limits }: ResourceContext): AdminApi['projects'] {
  return {
    list: (params = {}) =>
      listing('projects', limits, project, (after) =>
        org.projects.list({
          include_archived: params.includeArchived ? true : undefined,
          limit: params.limit ?? 100,
          after,
        }),
      ),
    create: (body) => call(project, () => org.projects.create(body)),
    retrieve: (projectId) => call(project, () => org.projects.retrieve(projectId)),
    update: (projectId, body) => call(project, () => org.projects.update(projectId, body)),
    archive: (projectId) => call(project, () => org.projects.archive(projectId)),
  };
}

/** `/organization/projects/{project_id}/users`: members of one project. */
export function projectUsersResource({ org, limits }: ResourceContext): AdminApi['projectUsers'] {
  const users = org.projects.users;
  return {
    list: (projectId, params = {}) =>
      listing('project members', limits, projectUser, (after) =>
        users.list(projectId, { limit: params.limit ?? 100, after }),
      ),
    add: (projectId, body) => call(projectUser, () => users.create(projectId, body)),
    retrieve: (projectId, userId) => call(projectUser, () => users.retrieve(userId, { project_id: projectId })),
    update: (projectId, userId, body) =>
      call(projectUser, () => users.update(userId, { project_id: projectId, ...body })),
    delete: (projectId, userId) => call(deleted, () => users.delete(userId, { project_id: projectId })),
  };
}

/** `/organization/projects/{project_id}/service_accounts`. Never log a create response: it holds a key's secret. */
export function serviceAccountsResource({ org, limits }: ResourceContext): AdminApi['serviceAccounts'] {
  const accounts = org.projects.serviceAccounts;
  return {
    list: (projectId, params = {}) =>
      listing('service accounts', limits, serviceAccount, (after) =>
        accounts.list(projectId, { limit: params.limit ?? 100, after }),
      ),
    create: (projectId, body) => call(createdServiceAccount, () => accounts.create(projectId, body)),
    retrieve: (projectId, id) => call(serviceAccount, () => accounts.retrieve(id, { project_id: projectId })),
    update: (projectId, id, body) =>
      call(serviceAccount, () => accounts.update(id, { project_id: projectId, ...body })),
    createKey: (projectId, id, body = {}) =>
      call(serviceAccountApiKey, () => accounts.apiKeys.create(id, { project_id: projectId, ...body })),
    delete: (projectId, id) => call(deleted, () => accounts.delete(id, { project_id: projectId })),
  };
}

/** `/organization/projects/{project_id}/api_keys`: user and service account keys of one project. */
export function projectApiKeysResource({ org, limits }: ResourceContext): AdminApi['projectApiKeys'] {
  const keys = org.projects.apiKeys;
  return {
    list: (projectId, params = {}) =>
      listing('project keys', limits, projectApiKey, (after) =>
        keys.list(projectId, {
          owner_project_access: params.ownerProjectAccess,
          limit: params.limit ?? 100,
          after,
        } as Parameters<typeof keys.list>[1]),
      ),
    retrieve: (projectId, keyId) => call(projectApiKey, () => keys.retrieve(keyId, { project_id: projectId })),
    delete: (projectId, keyId) => call(deleted, () => keys.delete(keyId, { project_id: projectId })),
  };
}
