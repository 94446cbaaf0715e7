import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByNextCursor } from '../pagination.js';
import { path } from '../path.js';

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

const deleted = z.looseObject({ deleted: z.boolean().optional() });

/** `/organization/projects/{project_id}/groups`: groups with access to a project (style B, at most 100 a page). */
export function projectGroupsResource(client: AdminClient) {
  const base = (projectId: string) => path`/organization/projects/${projectId}/groups`;
  return {
    list: (projectId: string, params: { limit?: number } = {}) =>
      listByNextCursor(client, projectGroup, base(projectId), { limit: params.limit ?? 100 }),
    add: (projectId: string, body: ProjectGroupAddParams) =>
      client.request(projectGroup, { method: 'POST', path: base(projectId), body }),
    retrieve: (projectId: string, groupId: string) =>
      client.request(projectGroup, {
        method: 'GET',
        path: path`/organization/projects/${projectId}/groups/${groupId}`,
      }),
    remove: (projectId: string, groupId: string) =>
      client.request(deleted, { method: 'DELETE', path: path`/organization/projects/${projectId}/groups/${groupId}` }),
  };
}
