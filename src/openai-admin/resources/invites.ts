import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByIdCursor } from '../pagination.js';
import { path } from '../path.js';

export const invite = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  email: z.string(),
  role: z.string(),
  status: z.string(),
  created_at: z.number().nullish(),
  expires_at: z.number().nullish(),
  accepted_at: z.number().nullish(),
  projects: z
    .array(z.looseObject({ id: z.string(), role: z.string() }))
    .nullish()
    .transform((p) => p ?? []),
});
export type Invite = z.output<typeof invite>;

export interface InviteCreateParams {
  email: string;
  role: 'reader' | 'owner';
  projects?: { id: string; role: 'member' | 'owner' }[];
}

const deleted = z.looseObject({ deleted: z.boolean().optional() });

/** `/organization/invites`: pending, accepted and expired invitations. */
export function invitesResource(client: AdminClient) {
  return {
    list: (params: { limit?: number } = {}) =>
      listByIdCursor(client, invite, '/organization/invites', { limit: params.limit ?? 100 }),
    create: (body: InviteCreateParams) =>
      client.request(invite, { method: 'POST', path: '/organization/invites', body }),
    retrieve: (inviteId: string) =>
      client.request(invite, { method: 'GET', path: path`/organization/invites/${inviteId}` }),
    delete: (inviteId: string) =>
      client.request(deleted, { method: 'DELETE', path: path`/organization/invites/${inviteId}` }),
  };
}
