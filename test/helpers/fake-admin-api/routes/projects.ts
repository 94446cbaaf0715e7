import { z } from 'zod';
import { badRequest } from '../api-error.js';
import { parseBody } from '../body.js';
import { idCursorPage } from '../pagination.js';
import type { Router } from '../router.js';
import { projectView } from '../views/org-views.js';

const createProjectBody = z.strictObject({
  name: z.string().min(1),
  geography: z.string().nullable().optional(),
  external_key_id: z.string().nullable().optional(),
});

const modifyProjectBody = z.strictObject({
  name: z.string().min(1).nullable().optional(),
  geography: z.string().nullable().optional(),
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
      geography: input.geography ?? null,
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
    if (input.geography !== undefined) project.geography = input.geography;
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
