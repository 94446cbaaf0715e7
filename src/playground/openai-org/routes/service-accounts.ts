import { z } from 'zod';
import { parseBody } from '../body.js';
import { idCursorPage } from '../pagination.js';
import type { Router } from '../router.js';
import { serviceAccountKeyView, serviceAccountView } from '../views/project-views.js';
import { projectRole } from './shared.js';

const BASE = '/organization/projects/:project_id/service_accounts';

const createBody = z.strictObject({
  name: z.string().min(1),
  create_service_account_only: z.boolean().nullable().optional(),
});

const updateBody = z.strictObject({ name: z.string().min(1).optional(), role: projectRole.optional() });

const createKeyBody = z.strictObject({ name: z.string().min(1).optional(), scopes: z.array(z.string()).optional() });

/** Project service accounts and their extra API keys; secrets are returned only by the create calls. */
export function registerServiceAccountRoutes(router: Router): void {
  router.get(BASE, ({ state, param, query }) => {
    const project = state.requireActiveProject(param('project_id'));
    return idCursorPage(
      [...project.serviceAccounts.values()],
      { limit: query.limit(20, 1, 100), after: query.string('after') },
      serviceAccountView,
    );
  });

  router.post(BASE, ({ state, param, body, audit }) => {
    const projectId = param('project_id');
    state.requireActiveProject(projectId);
    const input = parseBody(createBody, body);
    const { serviceAccount, apiKey } = state.addServiceAccount(projectId, {
      name: input.name,
      withKey: input.create_service_account_only !== true,
    });
    audit('service_account.created', { id: serviceAccount.id, data: { role: serviceAccount.role } }, projectId);
    if (apiKey) audit('api_key.created', { id: apiKey.id, data: { scopes: apiKey.scopes } }, projectId);
    return { ...serviceAccountView(serviceAccount), api_key: apiKey ? serviceAccountKeyView(apiKey) : null };
  });

  router.get(`${BASE}/:service_account_id`, ({ state, param }) => {
    const project = state.requireProject(param('project_id'));
    return serviceAccountView(state.requireServiceAccount(project, param('service_account_id')));
  });

  router.post(`${BASE}/:service_account_id`, ({ state, param, body, audit }) => {
    const project = state.requireActiveProject(param('project_id'));
    const account = state.requireServiceAccount(project, param('service_account_id'));
    const input = parseBody(updateBody, body);
    if (input.name !== undefined) account.name = input.name;
    if (input.role !== undefined) account.role = input.role;
    audit('service_account.updated', { id: account.id, changes_requested: { role: account.role } }, project.id);
    return serviceAccountView(account);
  });

  router.delete(`${BASE}/:service_account_id`, ({ state, param, audit }) => {
    const account = state.deleteServiceAccount(param('project_id'), param('service_account_id'));
    audit('service_account.deleted', { id: account.id }, param('project_id'));
    return { id: account.id, object: 'organization.project.service_account.deleted', deleted: true };
  });

  router.post(`${BASE}/:service_account_id/api_keys`, ({ state, param, body, audit }) => {
    const project = state.requireActiveProject(param('project_id'));
    const account = state.requireServiceAccount(project, param('service_account_id'));
    const input = parseBody(createKeyBody, body);
    const key = state.addProjectApiKey(project.id, {
      serviceAccountId: account.id,
      name: input.name,
      scopes: input.scopes,
    });
    audit('api_key.created', { id: key.id, data: { scopes: key.scopes } }, project.id);
    return serviceAccountKeyView(key);
  });
}
