import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByNextCursor } from '../pagination.js';
import { path } from '../path.js';

/** A member of a group as the member list returns it; retrieving one adds `picture`, `user_type` and more. */
export const groupUser = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  user_type: z.string().nullish(),
});
export type GroupUser = z.output<typeof groupUser>;

const assignment = z.looseObject({ user_id: z.string(), group_id: z.string() });
const deleted = z.looseObject({ deleted: z.boolean().optional() });

/** `/organization/groups/{group_id}/users`: who is in a group (style-B `next` pagination, newest first). */
export function groupUsersResource(client: AdminClient) {
  const base = (groupId: string) => path`/organization/groups/${groupId}/users`;
  return {
    list: (groupId: string, params: { limit?: number } = {}) =>
      listByNextCursor(client, groupUser, base(groupId), { limit: params.limit ?? 100 }),
    add: (groupId: string, body: { user_id: string }) =>
      client.request(assignment, { method: 'POST', path: base(groupId), body }),
    retrieve: (groupId: string, userId: string) =>
      client.request(groupUser, { method: 'GET', path: path`/organization/groups/${groupId}/users/${userId}` }),
    remove: (groupId: string, userId: string) =>
      client.request(deleted, { method: 'DELETE', path: path`/organization/groups/${groupId}/users/${userId}` }),
  };
}
