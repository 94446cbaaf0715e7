import { z } from 'zod';

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
export const roleAssignment = z.looseObject({
  object: z.string().optional(),
  role,
  user: z.looseObject({ id: z.string(), email: z.string().nullish() }).optional(),
  group: z.looseObject({ id: z.string(), name: z.string().nullish() }).optional(),
});
export type RoleAssignment = z.output<typeof roleAssignment>;
