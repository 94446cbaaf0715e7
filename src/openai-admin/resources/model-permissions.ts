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

/** What a read may answer when no list is set: the document is silent, so empty values are accepted too. */
const storedPermissions = modelPermissions.extend({
  mode: z.string().nullish(),
  model_ids: z.array(z.string()).nullish(),
});

/** A restriction only when there is one: no mode, or a deny-list of nothing, leaves every model usable. */
function asRestriction(read: z.output<typeof storedPermissions>): ModelPermissions | null {
  const { mode, model_ids } = read;
  if (!mode || (mode === 'deny_list' && !model_ids?.length)) return null;
  return { ...read, mode, model_ids: model_ids ?? [] };
}

/** `/organization/projects/{project_id}/model_permissions`: the project's model allow- or deny-list. */
export function modelPermissionsResource(client: AdminClient) {
  const at = (projectId: string) => path`/organization/projects/${projectId}/model_permissions`;
  return {
    /**
     * The current list, or `data: null` when none restricts anything (every model is usable): a 404, or a 200
     * with no mode or an empty deny-list.
     */
    async retrieve(projectId: string): Promise<ApiResponse<ModelPermissions | null>> {
      try {
        const { data, requestId } = await client.request(storedPermissions, { method: 'GET', path: at(projectId) });
        return { data: asRestriction(data), requestId };
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
