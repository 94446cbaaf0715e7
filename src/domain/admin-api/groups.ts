import { z } from 'zod';

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

/** A member of a group as the member list returns it; retrieving one adds `picture`, `user_type` and more. */
export const groupUser = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  user_type: z.string().nullish(),
});
export type GroupUser = z.output<typeof groupUser>;

/** What adding a member answers: the pair. */
export const groupAssignment = z.looseObject({ user_id: z.string(), group_id: z.string() });
export type GroupAssignment = z.output<typeof groupAssignment>;

/** A group's access to a project (`project.group`). */
export const projectGroup = z.looseObject({
  object: z.string().optional(),
  project_id: z.string(),
  group_id: z.string(),
  group_name: z.string().nullish(),
  group_type: z.string().nullish(),
  created_at: z.number().nullish(),
});
export type ProjectGroup = z.output<typeof projectGroup>;

/** Gives a group access to a project with a project role, named by its id (`role_…`). */
export interface ProjectGroupAddParams {
  group_id: string;
  role: string;
}
