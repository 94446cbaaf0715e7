import { z } from 'zod';
import { parseBody } from '../body.js';
import { idCursorPage } from '../pagination.js';
import type { Router } from '../router.js';
import { projectUserView } from '../views/project-views.js';
import { projectRole } from './shared.js';

const BASE = '/organization/projects/:project_id/users';

const addUserBody = z.strictObject({
  role: projectRole,
  user_id: z.string().min(1).nullable().optional(),
  email: z.email().nullable().optional(),
});

const modifyUserBody = z.strictObject({ role: projectRole });

/** Project members: list/add/modify/remove are refused with 400 on archived projects. */
export function registerProjectUserRoutes(router: Router): void {
  router.get(BASE, ({ state, param, query }) => {
    const project = state.requireActiveProject(param('project_id'));
    const members = [...project.members.values()].map((member) => projectUserView(state, member));
    return idCursorPage(members, { limit: query.limit(20, 1, 100), after: query.string('after') }, (view) => view);
  });

  router.post(BASE, ({ state, param, body, audit }) => {
    const projectId = param('project_id');
    state.requireActiveProject(projectId);
    const input = parseBody(addUserBody, body);
    const member = state.addProjectUser(projectId, { userId: input.user_id, email: input.email, role: input.role });
    audit('user.added', { id: member.userId, data: { role: member.role } }, projectId);
    return projectUserView(state, member);
  });

  router.get(`${BASE}/:user_id`, ({ state, param }) => {
    const project = state.requireProject(param('project_id'));
    return projectUserView(state, state.requireMember(project, param('user_id')));
  });

  router.post(`${BASE}/:user_id`, ({ state, param, body, audit }) => {
    const project = state.requireActiveProject(param('project_id'));
    const member = state.requireMember(project, param('user_id'));
    member.role = parseBody(modifyUserBody, body).role;
    audit('user.updated', { id: project.id, changes_requested: { role: member.role } }, project.id);
    return projectUserView(state, member);
  });

  router.delete(`${BASE}/:user_id`, ({ state, param, audit }) => {
    const project = state.requireActiveProject(param('project_id'));
    const member = state.requireMember(project, param('user_id'));
    project.members.delete(member.userId);
    audit('user.deleted', { id: member.userId }, project.id);
    return { id: member.userId, object: 'organization.project.user.deleted', deleted: true };
  });
}
