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

/** An extra key of a service account: `value` is the full secret, returned this once only. */
export const serviceAccountApiKey = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string().nullish(),
  value: z.string(),
  created_at: z.number().nullish(),
});
export type ServiceAccountApiKey = z.output<typeof serviceAccountApiKey>;

export interface ServiceAccountUpdateParams {
  name?: string;
  role?: 'member' | 'owner';
}

export interface ServiceAccountKeyParams {
  name?: string;
  /** e.g. `api.responses.write`; without scopes the key has the service account's full access. */
  scopes?: string[];
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
    /** Sets absolute values; repeating it cannot change the outcome. */
    update: (projectId: string, serviceAccountId: string, body: ServiceAccountUpdateParams) =>
      client.request(serviceAccount, {
        method: 'POST',
        path: path`/organization/projects/${projectId}/service_accounts/${serviceAccountId}`,
        body,
        idempotent: true,
      }),
    /** A new key each time it is called, so it is never repeated. Never log the response. */
    createKey: (projectId: string, serviceAccountId: string, body: ServiceAccountKeyParams = {}) =>
      client.request(serviceAccountApiKey, {
        method: 'POST',
        path: path`/organization/projects/${projectId}/service_accounts/${serviceAccountId}/api_keys`,
        body,
      }),
    delete: (projectId: string, serviceAccountId: string) =>
      client.request(deleted, {
        method: 'DELETE',
        path: path`/organization/projects/${projectId}/service_accounts/${serviceAccountId}`,
      }),
  };
}
