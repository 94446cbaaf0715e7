import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByIdCursor } from '../pagination.js';
import { path } from '../path.js';

export const projectUser = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  role: z.string(),
  added_at: z.number().nullish(),
});
export type ProjectUser = z.output<typeof projectUser>;

/** Project roles are open strings in the API; these are the two it documents. */
export type ProjectRole = 'owner' | 'member';

/** Adds an existing organization member, named by user id or by email. */
export type ProjectUserAddParams = { role: ProjectRole } & ({ user_id: string } | { email: string });

const deleted = z.looseObject({ deleted: z.boolean().optional() });

/** `/organization/projects/{project_id}/users`: members of one project (refused with 400 on archived projects). */
export function projectUsersResource(client: AdminClient) {
  const base = (projectId: string) => path`/organization/projects/${projectId}/users`;
  return {
    list: (projectId: string, params: { limit?: number } = {}) =>
      listByIdCursor(client, projectUser, base(projectId), { limit: params.limit ?? 100 }),
    add: (projectId: string, body: ProjectUserAddParams) =>
      client.request(projectUser, { method: 'POST', path: base(projectId), body }),
    retrieve: (projectId: string, userId: string) =>
      client.request(projectUser, { method: 'GET', path: path`/organization/projects/${projectId}/users/${userId}` }),
    update: (projectId: string, userId: string, body: { role: ProjectRole }) =>
      client.request(projectUser, {
        method: 'POST',
        path: path`/organization/projects/${projectId}/users/${userId}`,
        body,
        idempotent: true,
      }),
    delete: (projectId: string, userId: string) =>
      client.request(deleted, { method: 'DELETE', path: path`/organization/projects/${projectId}/users/${userId}` }),
  };
}
