import { z } from 'zod';
import { badRequest } from '../api-error.js';
import { parseBody } from '../body.js';
import { idCursorPage } from '../pagination.js';
import type { Router } from '../router.js';
import { projectView } from '../views/org-views.js';

/** Data residency regions a project can be created in; fixed at creation. */
const RESIDENCIES = [
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

const createProjectBody = z.strictObject({
  name: z.string().min(1),
  residency: z.enum(RESIDENCIES).nullable().optional(),
  external_key_id: z.string().nullable().optional(),
});

const modifyProjectBody = z.strictObject({
  name: z.string().min(1).nullable().optional(),
  external_key_id: z.string().nullable().optional(),
});

/** `/organization/projects`: list (include_archived), create, retrieve, modify, archive. */
export function registerProjectRoutes(router: Router): void {
  router.get('/organization/projects', ({ state, query }) => {
    const includeArchived = query.bool('include_archived') ?? false;
    const projects = [...state.projects.values()].filter((project) => includeArchived || project.archivedAt === null);
    return idCursorPage(projects, { limit: query.limit(20, 1, 100), after: query.string('after') }, projectView);
  });

  router.post('/organization/projects', ({ state, body, audit }) => {
    const input = parseBody(createProjectBody, body);
    const project = state.addProject({
      name: input.name,
      residency: input.residency ?? null,
      externalKeyId: input.external_key_id ?? null,
    });
    audit('project.created', { id: project.id, data: { name: project.name, title: project.name } }, project.id);
    return projectView(project);
  });

  router.get('/organization/projects/:project_id', ({ state, param }) =>
    projectView(state.requireProject(param('project_id'))),
  );

  router.post('/organization/projects/:project_id', ({ state, param, body, audit }) => {
    const project = state.requireProject(param('project_id'));
    if (project.isDefault) throw badRequest('The default project cannot be modified.', null, 'default_project');
    state.requireActiveProject(project.id);
    const input = parseBody(modifyProjectBody, body);
    if (input.name) project.name = input.name;
    if (input.external_key_id !== undefined) project.externalKeyId = input.external_key_id;
    audit('project.updated', { id: project.id, changes_requested: { title: project.name } }, project.id);
    return projectView(project);
  });

  router.post('/organization/projects/:project_id/archive', ({ state, param, audit }) => {
    const project = state.archiveProject(param('project_id'));
    audit('project.archived', { id: project.id }, project.id);
    return projectView(project);
  });
}
