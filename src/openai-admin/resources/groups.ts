import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByNextCursor } from '../pagination.js';
import { path } from '../path.js';

/** A group as list, create and retrieve return it; the rename answer leaves out `group_type`. */
export const group = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string(),
  created_at: z.number().nullish(),
  is_scim_managed: z.boolean().nullish(),
  group_type: z.string().nullish(),
});
export type Group = z.output<typeof group>;

const deleted = z.looseObject({ id: z.string().optional(), deleted: z.boolean().optional() });

/** `/organization/groups`: groups of organization members (style-B `next` pagination). */
export function groupsResource(client: AdminClient) {
  return {
    list: (params: { limit?: number } = {}) =>
      listByNextCursor(client, group, '/organization/groups', { limit: params.limit ?? 100 }),
    create: (body: { name: string }) => client.request(group, { method: 'POST', path: '/organization/groups', body }),
    retrieve: (groupId: string) =>
      client.request(group, { method: 'GET', path: path`/organization/groups/${groupId}` }),
    update: (groupId: string, body: { name: string }) =>
      client.request(group, { method: 'POST', path: path`/organization/groups/${groupId}`, body, idempotent: true }),
    delete: (groupId: string) =>
      client.request(deleted, { method: 'DELETE', path: path`/organization/groups/${groupId}` }),
  };
}
