import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByIdCursor } from '../pagination.js';
import { path } from '../path.js';

export const serviceAccount = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string().nullish(),
  role: z.string().nullish(),
  created_at: z.number().nullish(),
});
export type ServiceAccount = z.output<typeof serviceAccount>;

/** The create response: `api_key.value` is the full secret, returned this once only (null without a key). */
export const createdServiceAccount = serviceAccount.extend({
  api_key: z
    .looseObject({
      id: z.string(),
      name: z.string().nullish(),
      value: z.string(),
      created_at: z.number().nullish(),
    })
    .nullish(),
});
export type CreatedServiceAccount = z.output<typeof createdServiceAccount>;

export interface ServiceAccountCreateParams {
  name: string;
  /** Create it without default roles and without an API key. */
  create_service_account_only?: boolean;
}

const deleted = z.looseObject({ deleted: z.boolean().optional() });

const base = (projectId: string) => path`/organization/projects/${projectId}/service_accounts`;

/** `/organization/projects/{project_id}/service_accounts`. Never log a create response. */
export function serviceAccountsResource(client: AdminClient) {
  return {
    list: (projectId: string, params: { limit?: number } = {}) =>
      listByIdCursor(client, serviceAccount, base(projectId), { limit: params.limit ?? 100 }),
    create: (projectId: string, body: ServiceAccountCreateParams) =>
      client.request(createdServiceAccount, { method: 'POST', path: base(projectId), body }),
    retrieve: (projectId: string, serviceAccountId: string) =>
      client.request(serviceAccount, {
        method: 'GET',
        path: path`/organization/projects/${projectId}/service_accounts/${serviceAccountId}`,
      }),
    delete: (projectId: string, serviceAccountId: string) =>
      client.request(deleted, {
        method: 'DELETE',
        path: path`/organization/projects/${projectId}/service_accounts/${serviceAccountId}`,
      }),
  };
}
