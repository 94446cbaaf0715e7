import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByIdCursor } from '../pagination.js';
import { path } from '../path.js';

export const project = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string().nullish(),
  created_at: z.number().nullish(),
  archived_at: z.number().nullish(),
  status: z.string().nullish(),
});
export type Project = z.output<typeof project>;

export interface ProjectCreateParams {
  name: string;
  geography?: string;
}

/** `/organization/projects`: projects can be created, renamed and archived, never deleted. */
export function projectsResource(client: AdminClient) {
  return {
    list: (params: { includeArchived?: boolean; limit?: number } = {}) =>
      listByIdCursor(client, project, '/organization/projects', {
        include_archived: params.includeArchived ? true : undefined,
        limit: params.limit ?? 100,
      }),
    create: (body: ProjectCreateParams) =>
      client.request(project, { method: 'POST', path: '/organization/projects', body }),
    retrieve: (projectId: string) =>
      client.request(project, { method: 'GET', path: path`/organization/projects/${projectId}` }),
    update: (projectId: string, body: { name: string }) =>
      client.request(project, {
        method: 'POST',
        path: path`/organization/projects/${projectId}`,
        body,
        idempotent: true,
      }),
    archive: (projectId: string) =>
      client.request(project, { method: 'POST', path: path`/organization/projects/${projectId}/archive` }),
  };
}
