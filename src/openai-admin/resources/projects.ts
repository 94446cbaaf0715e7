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
  residency: z.string().nullish(),
});
export type Project = z.output<typeof project>;

/** The data residency regions the Admin API lists for new projects (`PublicProjectResidency`). */
export const PROJECT_RESIDENCIES = [
  'GLOBAL',
  'US_STORAGE_PROCESSING',
  'EU_STORAGE_PROCESSING',
  'JP_STORAGE',
  'KR_STORAGE',
  'CA_STORAGE',
  'SG_STORAGE',
  'IN_STORAGE',
  'AU_STORAGE',
  'GB_STORAGE',
  'AE_STORAGE',
  'AE_STORAGE_PROCESSING',
] as const;
export type ProjectResidency = (typeof PROJECT_RESIDENCIES)[number];

export interface ProjectCreateParams {
  name: string;
  /** Where the project's data is stored (and processed); set at creation only. */
  residency?: ProjectResidency;
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
