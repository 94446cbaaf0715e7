import { z } from 'zod';
import { notFound } from '../api-error.js';
import { parseBody } from '../body.js';
import { nextCursorPage, ordered } from '../pagination.js';
import type { Router } from '../router.js';
import { addProjectGroup, requireProjectGroup } from '../state/project-groups.js';
import { projectGroupView } from '../views/group-views.js';

const BASE = '/organization/projects/:project_id/groups';

const addBody = z.strictObject({ group_id: z.string().min(1), role: z.string().min(1) });

/** Groups with access to a project (style B, keyed by group id); changes are refused on archived projects. */
export function registerProjectGroupRoutes(router: Router): void {
  router.get(BASE, ({ state, param, query }) => {
    const project = state.requireProject(param('project_id'));
    const order = query.oneOf('order', ['asc', 'desc'] as const) ?? 'asc';
    const cursor = { limit: query.limit(20, 0, 100), after: query.string('after') };
    const records = [...project.groups.values()].map((record) => ({ id: record.groupId, record }));
    return nextCursorPage(ordered(records, order), cursor, ({ record }) => projectGroupView(state, project, record));
  });

  router.post(BASE, ({ state, param, body }) => {
    const projectId = param('project_id');
    state.requireActiveProject(projectId);
    const input = parseBody(addBody, body);
    const record = addProjectGroup(state, projectId, { groupId: input.group_id, role: input.role });
    return projectGroupView(state, state.requireProject(projectId), record);
  });

  router.get(`${BASE}/:group_id`, ({ state, param, query }) => {
    const project = state.requireProject(param('project_id'));
    const groupId = param('group_id');
    // The emulated organization has no tenant groups.
    if ((query.oneOf('group_type', ['group', 'tenant_group'] as const) ?? 'group') === 'tenant_group') {
      throw notFound('project group', groupId);
    }
    return projectGroupView(state, project, requireProjectGroup(project, groupId));
  });

  router.delete(`${BASE}/:group_id`, ({ state, param }) => {
    const project = state.requireActiveProject(param('project_id'));
    const record = requireProjectGroup(project, param('group_id'));
    project.groups.delete(record.groupId);
    return { object: 'project.group.deleted', deleted: true };
  });
}
