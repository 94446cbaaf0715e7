import { ApiError } from '../api-error.js';
import { parseBody } from '../body.js';
import type { RouteContext, Router } from '../router.js';
import type { SpendLimitRecord } from '../state/records.js';
import { spendLimitView } from '../views/project-views.js';
import { auditSettingsChange, spendLimitBody } from './shared.js';

type Level = 'organization' | 'project';

/**
 * Hard spend limits (singletons): POST creates or replaces. While none is set, GET answers a limit of 0 that
 * is not enforcing and DELETE succeeds, or both are a 404, as the state's `absentSettingsAnswer` says.
 */
export function registerSpendLimitRoutes(router: Router): void {
  registerLevel(router, '/organization/spend_limit', 'organization');
  registerLevel(router, '/organization/projects/:project_id/spend_limit', 'project');
}

function registerLevel(router: Router, path: string, level: Level): void {
  const projectIdOf = (ctx: RouteContext): string | null => (level === 'project' ? ctx.param('project_id') : null);
  const current = (ctx: RouteContext, forWrite: boolean): SpendLimitRecord | null => {
    const projectId = projectIdOf(ctx);
    const project = projectId === null ? null : ctx.state.requireProject(projectId);
    if (project && forWrite) ctx.state.requireActiveProject(project.id);
    const limit = project ? project.spendLimit : ctx.state.orgSpendLimit;
    if (!limit && ctx.state.absentSettingsAnswer === 'not_found') {
      const owner = project ? `project ${project.id}` : 'the organization';
      throw new ApiError(404, `No spend limit is set for ${owner}.`, { code: 'not_found' });
    }
    return limit;
  };
  const view = (ctx: RouteContext, limit: SpendLimitRecord | null) =>
    limit
      ? spendLimitView(limit, level, ctx.state.monthToDateSpend(projectIdOf(ctx)))
      : {
          object: `${level}.spend_limit`,
          threshold_amount: 0,
          currency: 'USD',
          interval: 'month',
          enforcement: { status: 'inactive' },
        };

  router.get(path, (ctx) => view(ctx, current(ctx, false)));

  router.post(path, (ctx) => {
    const projectId = projectIdOf(ctx);
    if (projectId !== null) ctx.state.requireActiveProject(projectId);
    const input = parseBody(spendLimitBody, ctx.body);
    const limit = ctx.state.setSpendLimit({ projectId, thresholdAmount: input.threshold_amount });
    auditSettingsChange(ctx, projectId, { spend_limit: limit.threshold_amount });
    return view(ctx, limit);
  });

  router.delete(path, (ctx) => {
    current(ctx, true);
    const projectId = projectIdOf(ctx);
    if (projectId === null) ctx.state.orgSpendLimit = null;
    else ctx.state.requireProject(projectId).spendLimit = null;
    auditSettingsChange(ctx, projectId, { spend_limit: null });
    return { object: `${level}.spend_limit.deleted`, deleted: true };
  });
}
