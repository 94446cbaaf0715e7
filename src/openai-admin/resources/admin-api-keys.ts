import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByIdCursor } from '../pagination.js';
import { path } from '../path.js';

export const adminApiKey = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string().nullish(),
  redacted_value: z.string().nullish(),
  created_at: z.number().nullish(),
  expires_at: z.number().nullish(),
  last_used_at: z.number().nullish(),
  owner: z.looseObject({ type: z.string().nullish(), id: z.string().nullish(), name: z.string().nullish() }).nullish(),
});
export type AdminApiKey = z.output<typeof adminApiKey>;

/** The create response: the key plus its full secret `value`, returned this once only. */
export const createdAdminApiKey = adminApiKey.extend({ value: z.string() });
export type CreatedAdminApiKey = z.output<typeof createdAdminApiKey>;

export interface AdminApiKeyCreateParams {
  name: string;
  /** 1 … 31 536 000; omit for a key that never expires. */
  expires_in_seconds?: number;
}

const deleted = z.looseObject({ deleted: z.boolean().optional() });

/** `/organization/admin_api_keys`: organization-wide admin credentials. Never log a create response. */
export function adminApiKeysResource(client: AdminClient) {
  return {
    list: (params: { limit?: number } = {}) =>
      listByIdCursor(client, adminApiKey, '/organization/admin_api_keys', { limit: params.limit ?? 100 }),
    create: (body: AdminApiKeyCreateParams) =>
      client.request(createdAdminApiKey, { method: 'POST', path: '/organization/admin_api_keys', body }),
    retrieve: (keyId: string) =>
      client.request(adminApiKey, { method: 'GET', path: path`/organization/admin_api_keys/${keyId}` }),
    delete: (keyId: string) =>
      client.request(deleted, { method: 'DELETE', path: path`/organization/admin_api_keys/${keyId}` }),
  };
}
