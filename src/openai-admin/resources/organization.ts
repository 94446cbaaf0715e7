import type { AdminApi } from '../../domain/admin-api/admin-api.js';
import {
  adminApiKey,
  createdAdminApiKey,
  deleted,
  invite,
  organizationUser,
} from '../../domain/admin-api/organization.js';
import { call, listing } from '../call.js';
import type { ResourceContext } from './context.js';

/** `/organization/users`: members of the organization. */
export function usersResource({ org, limits }: ResourceContext): AdminApi['users'] {
  return {
    list: (params = {}) =>
      listing('organization members', limits, organizationUser, (after) =>
        org.users.list({ emails: params.emails, limit: params.limit ?? 100, after }),
      ),
    retrieve: (userId) => call(organizationUser, () => org.users.retrieve(userId)),
    update: (userId, body) =>
      call(organizationUser, () => org.users.update(userId, body as Parameters<typeof org.users.update>[1])),
    delete: (userId) => call(deleted, () => org.users.delete(userId)),
  };
}

/** `/organization/invites`: pending, accepted and expired invitations. */
export function invitesResource({ org, limits }: ResourceContext): AdminApi['invites'] {
  return {
    list: (params = {}) =>
      listing('invites', limits, invite, (after) => org.invites.list({ limit: params.limit ?? 100, after })),
    create: (body) => call(invite, () => org.invites.create(body)),
    retrieve: (inviteId) => call(invite, () => org.invites.retrieve(inviteId)),
    delete: (inviteId) => call(deleted, () => org.invites.delete(inviteId)),
  };
}

/** `/organization/admin_api_keys`. Never log a create response: it holds the new key's secret. */
export function adminApiKeysResource({ org, limits }: ResourceContext): AdminApi['adminApiKeys'] {
  return {
    list: (params = {}) =>
      listing('admin keys', limits, adminApiKey, (after) =>
        org.adminAPIKeys.list({ limit: params.limit ?? 100, after }),
      ),
    create: (body) => call(createdAdminApiKey, () => org.adminAPIKeys.create(body)),
    retrieve: (keyId) => call(adminApiKey, () => org.adminAPIKeys.retrieve(keyId)),
    delete: (keyId) => call(deleted, () => org.adminAPIKeys.delete(keyId)),
  };
}
