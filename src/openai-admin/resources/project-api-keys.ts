import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByIdCursor } from '../pagination.js';
import { path } from '../path.js';

const keyOwner = z.looseObject({
  type: z.string().nullish(),
  user: z.looseObject({ id: z.string().nullish(), email: z.string().nullish(), name: z.string().nullish() }).nullish(),
  service_account: z.looseObject({ id: z.string().nullish(), name: z.string().nullish() }).nullish(),
});

export const projectApiKey = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string().nullish(),
  redacted_value: z.string().nullish(),
  created_at: z.number().nullish(),
  last_used_at: z.number().nullish(),
  owner_project_access: z.string().nullish(),
  owner: keyOwner.nullish(),
});
export type ProjectApiKey = z.output<typeof projectApiKey>;

/** Filter by whether the key's owner still has access to the project; `any` lists every enabled key. */
export type OwnerProjectAccess = 'active' | 'inactive' | 'any';

const deleted = z.looseObject({ deleted: z.boolean().optional() });

/**
 * `/organization/projects/{project_id}/api_keys`. There is no create endpoint for user keys; deleting a
 * service account's key answers 400 (delete the service account instead).
 */
export function projectApiKeysResource(client: AdminClient) {
  return {
    list: (projectId: string, params: { ownerProjectAccess?: OwnerProjectAccess; limit?: number } = {}) =>
      listByIdCursor(client, projectApiKey, path`/organization/projects/${projectId}/api_keys`, {
        owner_project_access: params.ownerProjectAccess,
        limit: params.limit ?? 100,
      }),
    retrieve: (projectId: string, keyId: string) =>
      client.request(projectApiKey, {
        method: 'GET',
        path: path`/organization/projects/${projectId}/api_keys/${keyId}`,
      }),
    delete: (projectId: string, keyId: string) =>
      client.request(deleted, {
        method: 'DELETE',
        path: path`/organization/projects/${projectId}/api_keys/${keyId}`,
      }),
  };
}
