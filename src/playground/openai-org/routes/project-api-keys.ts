import { z } from 'zod';
import { badRequest } from '../api-error.js';
import { parseBody } from '../body.js';
import { idCursorPage } from '../pagination.js';
import type { Router } from '../router.js';
import { projectApiKeyView } from '../views/project-views.js';

const BASE = '/organization/projects/:project_id/api_keys';

const updateKeyBody = z.strictObject({
  scopes: z.array(z.string()).optional(),
  expires_in_seconds: z.int().min(1).max(31_536_000).optional(),
});

/** Project API keys: list with owner details, retrieve, update (late-2026), delete (400 for service-account keys). */
export function registerProjectApiKeyRoutes(router: Router): void {
  router.get(BASE, ({ state, param, query }) => {
    const project = state.requireProject(param('project_id'));
    const access = query.oneOf('owner_project_access', ['active', 'inactive', 'any'] as const) ?? 'active';
    const keys = [...project.apiKeys.values()].filter(
      (key) => access === 'any' || state.ownerAccess(project, key) === access,
    );
    return idCursorPage(keys, { limit: query.limit(20, 1, 100), after: query.string('after') }, (key) =>
      projectApiKeyView(state, project, key),
    );
  });

  router.get(`${BASE}/:api_key_id`, ({ state, param }) => {
    const project = state.requireProject(param('project_id'));
    return projectApiKeyView(state, project, state.requireProjectApiKey(project, param('api_key_id')));
  });

  router.post(`${BASE}/:api_key_id`, ({ state, param, body, audit }) => {
    const project = state.requireActiveProject(param('project_id'));
    const key = state.requireProjectApiKey(project, param('api_key_id'));
    const input = parseBody(updateKeyBody, body);
    if (input.scopes === undefined && input.expires_in_seconds === undefined) {
      throw badRequest(
        "At least one of 'scopes' or 'expires_in_seconds' is required.",
        null,
        'missing_required_parameter',
      );
    }
    if (key.expiresAt !== null && key.expiresAt <= state.now) {
      throw badRequest(`API key ${key.id} has expired and cannot be updated.`, null, 'api_key_expired');
    }
    if (input.scopes !== undefined) key.scopes = input.scopes;
    if (input.expires_in_seconds !== undefined) key.expiresAt = state.now + input.expires_in_seconds;
    audit('api_key.updated', { id: key.id, changes_requested: { scopes: key.scopes } }, project.id);
    return projectApiKeyView(state, project, key);
  });

  router.delete(`${BASE}/:api_key_id`, ({ state, param, audit }) => {
    const project = state.requireProject(param('project_id'));
    const key = state.requireProjectApiKey(project, param('api_key_id'));
    if (key.owner.type === 'service_account') {
      throw badRequest(
        `API key ${key.id} belongs to service account ${key.owner.serviceAccountId}; delete the service account instead.`,
        null,
        'service_account_api_key',
      );
    }
    project.apiKeys.delete(key.id);
    audit('api_key.deleted', { id: key.id }, project.id);
    return { id: key.id, object: 'organization.project.api_key.deleted', deleted: true };
  });
}
