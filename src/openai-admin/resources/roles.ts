import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByNextCursor } from '../pagination.js';
import { path } from '../path.js';

/** An RBAC role, of the organization (`resource_type` `api.organization`) or of one project (`api.project`). */
export const role = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  permissions: z.array(z.string()).default([]),
  resource_type: z.string().nullish(),
  /** OpenAI's own roles (such as Owner); they cannot be changed or deleted. */
  predefined_role: z.boolean().default(false),
});
export type Role = z.output<typeof role>;

export interface RoleCreateParams {
  role_name: string;
  permissions: string[];
  description?: string | null;
}

/** Every field optional; `permissions`, when given, replaces the whole set. */
export interface RoleUpdateParams {
  role_name?: string | null;
  permissions?: string[] | null;
  description?: string | null;
}

const deleted = z.looseObject({ id: z.string().optional(), deleted: z.boolean().optional() });

/**
 * Roles of the organization (`projectId` null, `/organization/roles`) or of a project (`/projects/{project_id}/roles`,
 * without the `/organization` prefix). Both list with `next` cursors.
 */
export function rolesResource(client: AdminClient) {
  const base = (projectId: string | null) =>
    projectId === null ? '/organization/roles' : path`/projects/${projectId}/roles`;
  const one = (projectId: string | null, roleId: string) => `${base(projectId)}${path`/${roleId}`}`;
  return {
    list: (projectId: string | null, params: { limit?: number } = {}) =>
      listByNextCursor(client, role, base(projectId), { limit: params.limit ?? 100 }),
    create: (projectId: string | null, body: RoleCreateParams) =>
      client.request(role, { method: 'POST', path: base(projectId), body }),
    retrieve: (projectId: string | null, roleId: string) =>
      client.request(role, { method: 'GET', path: one(projectId, roleId) }),
    /** Sets absolute values; repeating it cannot change the outcome. */
    update: (projectId: string | null, roleId: string, body: RoleUpdateParams) =>
      client.request(role, { method: 'POST', path: one(projectId, roleId), body, idempotent: true }),
    delete: (projectId: string | null, roleId: string) =>
      client.request(deleted, { method: 'DELETE', path: one(projectId, roleId) }),
  };
}
