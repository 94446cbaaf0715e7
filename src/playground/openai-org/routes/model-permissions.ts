import { z } from 'zod';
import { ApiError } from '../api-error.js';
import { parseBody } from '../body.js';
import type { Router } from '../router.js';
import type { FakeState } from '../state/fake-state.js';
import type { ProjectRecord } from '../state/records.js';
import { auditSettingsChange } from './shared.js';

const PATH = '/organization/projects/:project_id/model_permissions';

const setBody = z.strictObject({ mode: z.enum(['allow_list', 'deny_list']), model_ids: z.array(z.string().min(1)) });

/** A project's list; while none is set, an empty deny-list (every model usable) or a 404, as the state says. */
function permissionsOf(state: FakeState, project: ProjectRecord) {
  if (project.modelPermissions) return project.modelPermissions;
  if (state.absentSettingsAnswer === 'not_found') {
    throw new ApiError(404, `No model permissions are set for project ${project.id}.`, { code: 'not_found' });
  }
  return { mode: 'deny_list' as const, model_ids: [] };
}

/** Model allow/deny list of a project: GET reads it (see `permissionsOf`); POST replaces; DELETE lifts it. */
export function registerModelPermissionRoutes(router: Router): void {
  router.get(PATH, ({ state, param }) => {
    const permissions = permissionsOf(state, state.requireProject(param('project_id')));
    return { object: 'project.model_permissions', ...permissions };
  });

  router.post(PATH, (ctx) => {
    const project = ctx.state.requireActiveProject(ctx.param('project_id'));
    const permissions = ctx.state.setModelPermissions(project.id, parseBody(setBody, ctx.body));
    auditSettingsChange(ctx, project.id, { model_permissions: permissions });
    return { object: 'project.model_permissions', ...permissions };
  });

  router.delete(PATH, (ctx) => {
    const project = ctx.state.requireActiveProject(ctx.param('project_id'));
    permissionsOf(ctx.state, project);
    project.modelPermissions = null;
    auditSettingsChange(ctx, project.id, { model_permissions: null });
    return { object: 'project.model_permissions.deleted', deleted: true };
  });
}
