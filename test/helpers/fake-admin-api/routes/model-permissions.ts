import { z } from 'zod';
import { ApiError } from '../api-error.js';
import { parseBody } from '../body.js';
import type { Router } from '../router.js';
import type { ProjectRecord } from '../state/records.js';
import { auditSettingsChange } from './shared.js';

const PATH = '/organization/projects/:project_id/model_permissions';

const setBody = z.strictObject({ mode: z.enum(['allow_list', 'deny_list']), model_ids: z.array(z.string().min(1)) });

function requirePermissions(project: ProjectRecord) {
  if (!project.modelPermissions) {
    throw new ApiError(404, `No model permissions are set for project ${project.id}.`, { code: 'not_found' });
  }
  return project.modelPermissions;
}

/** Model allow/deny list of a project: GET is a 404 while none is set; POST replaces; DELETE lifts it. */
export function registerModelPermissionRoutes(router: Router): void {
  router.get(PATH, ({ state, param }) => {
    const permissions = requirePermissions(state.requireProject(param('project_id')));
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
    requirePermissions(project);
    project.modelPermissions = null;
    auditSettingsChange(ctx, project.id, { model_permissions: null });
    return { object: 'project.model_permissions.deleted', deleted: true };
  });
}
