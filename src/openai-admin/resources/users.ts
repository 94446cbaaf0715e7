import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByIdCursor } from '../pagination.js';
import { path } from '../path.js';

export const organizationUser = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  role: z.string().nullish(),
  added_at: z.number().nullish(),
});
export type OrganizationUser = z.output<typeof organizationUser>;

export interface UserListParams {
  emails?: string[];
  limit?: number;
}

export interface UserUpdateParams {
  role: string;
}

const deleted = z.looseObject({ deleted: z.boolean().optional() });

/** `/organization/users`: members of the organization. */
export function usersResource(client: AdminClient) {
  return {
    list: (params: UserListParams = {}) =>
      listByIdCursor(client, organizationUser, '/organization/users', {
        emails: params.emails,
        limit: params.limit ?? 100,
      }),
    retrieve: (userId: string) =>
      client.request(organizationUser, { method: 'GET', path: path`/organization/users/${userId}` }),
    update: (userId: string, body: UserUpdateParams) =>
      client.request(organizationUser, {
        method: 'POST',
        path: path`/organization/users/${userId}`,
        body,
        idempotent: true,
      }),
    delete: (userId: string) =>
      client.request(deleted, { method: 'DELETE', path: path`/organization/users/${userId}` }),
  };
}
