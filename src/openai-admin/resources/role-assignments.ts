import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { NotFoundApiError } from '../errors.js';
import { listByNextCursor } from '../pagination.js';
import { path } from '../path.js';
import { role } from './roles.js';

/** Who holds a role: an organization member or a group. */
export interface Principal {
  kind: 'user' | 'group';
  id: string;
}

/** A role as held by a user or group, with where the assignment comes from. */
export const assignedRole = z.looseObject({
  id: z.string(),
  name: z.string(),
  permissions: z.array(z.string()).default([]),
  resource_type: z.string().nullish(),
  predefined_role: z.boolean().default(false),
  description: z.string().nullish(),
  created_at: z.number().nullish(),
  updated_at: z.number().nullish(),
  created_by: z.string().nullish(),
  /** The principals the role reaches this one through (the user itself, or a group it is in). */
  assignment_sources: z.array(z.looseObject({ principal_id: z.string(), principal_type: z.string() })).nullish(),
});
export type AssignedRole = z.output<typeof assignedRole>;

/** `user.role` or `group.role`: the role given, with the user or group it went to. */
const assignment = z.looseObject({
  object: z.string().optional(),
  role,
  user: z.looseObject({ id: z.string(), email: z.string().nullish() }).optional(),
  group: z.looseObject({ id: z.string(), name: z.string().nullish() }).optional(),
});
export type RoleAssignment = z.output<typeof assignment>;

const unassigned = z.looseObject({ deleted: z.boolean().optional() });

const COLLECTION = { user: 'users', group: 'groups' } as const;

/**
 * Roles given to users and groups, in the organization (`/organization/{users|groups}/{id}/roles`, `projectId`
 * null) or in one project (`/projects/{project_id}/{users|groups}/{id}/roles`). Lists use `next` cursors.
 */
export function roleAssignmentsResource(client: AdminClient) {
  const base = (principal: Principal, projectId: string | null) => {
    const own = `/${COLLECTION[principal.kind]}${path`/${principal.id}`}/roles`;
    return projectId === null ? `/organization${own}` : `${path`/projects/${projectId}`}${own}`;
  };
  const one = (principal: Principal, projectId: string | null, roleId: string) =>
    `${base(principal, projectId)}${path`/${roleId}`}`;
  return {
    list: (principal: Principal, projectId: string | null, params: { limit?: number } = {}) =>
      listByNextCursor(client, assignedRole, base(principal, projectId), { limit: params.limit ?? 100 }),
    assign: (principal: Principal, projectId: string | null, roleId: string) =>
      client.request(assignment, { method: 'POST', path: base(principal, projectId), body: { role_id: roleId } }),
    /** The assignment, or `data: null` when the principal does not hold the role (OpenAI answers 404). */
    retrieve: async (principal: Principal, projectId: string | null, roleId: string) => {
      try {
        return await client.request(assignedRole, { method: 'GET', path: one(principal, projectId, roleId) });
      } catch (error) {
        if (error instanceof NotFoundApiError) return { data: null, requestId: error.requestId };
        throw error;
      }
    },
    unassign: (principal: Principal, projectId: string | null, roleId: string) =>
      client.request(unassigned, { method: 'DELETE', path: one(principal, projectId, roleId) }),
  };
}
