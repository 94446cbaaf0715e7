import { z } from 'zod';
import type { AdminClient, ApiResponse } from '../client.js';
import { NotFoundApiError } from '../errors.js';
import { path } from '../path.js';

export const modelPermissions = z.looseObject({
  object: z.string().optional(),
  /** `allow_list` or `deny_list` today; kept open. */
  mode: z.string(),
  model_ids: z.array(z.string()),
});
export type ModelPermissions = z.output<typeof modelPermissions>;

export interface ModelPermissionsParams {
  mode: 'allow_list' | 'deny_list';
  model_ids: string[];
}

const deleted = z.looseObject({ deleted: z.boolean().optional() });

/** `/organization/projects/{project_id}/model_permissions`: the project's model allow- or deny-list. */
export function modelPermissionsResource(client: AdminClient) {
  const at = (projectId: string) => path`/organization/projects/${projectId}/model_permissions`;
  return {
    /** The current list, or `data: null` when none is set (the API answers 404: every model is usable). */
    async retrieve(projectId: string): Promise<ApiResponse<ModelPermissions | null>> {
      try {
        return await client.request(modelPermissions, { method: 'GET', path: at(projectId) });
      } catch (error) {
        if (error instanceof NotFoundApiError) return { data: null, requestId: error.requestId };
        throw error;
      }
    },
    /** Replaces the whole list; repeating it cannot change the outcome. */
    set: (projectId: string, body: ModelPermissionsParams) =>
      client.request(modelPermissions, { method: 'POST', path: at(projectId), body, idempotent: true }),
    /** Lifts the restriction: every model becomes usable. */
    delete: (projectId: string) => client.request(deleted, { method: 'DELETE', path: at(projectId) }),
  };
}
