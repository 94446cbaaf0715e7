import { z } from 'zod';
import { parseBody } from '../body.js';
import type { Router } from '../router.js';
import { HOSTED_TOOLS, type HostedToolSettings } from '../state/hosted-tools.js';
import { auditSettingsChange } from './shared.js';

const PATH = '/organization/projects/:project_id/hosted_tool_permissions';

const change = z.strictObject({ enabled: z.boolean() }).nullable().optional();
const updateBody = z.strictObject(Object.fromEntries(HOSTED_TOOLS.map((tool) => [tool, change])));

const view = (settings: HostedToolSettings) =>
  Object.fromEntries(HOSTED_TOOLS.map((tool) => [tool, { enabled: settings[tool] }]));

/** Which hosted tools a project may use: GET reads every tool; POST changes those it names (null: unchanged). */
export function registerHostedToolRoutes(router: Router): void {
  router.get(PATH, ({ state, param }) => view(state.hostedTools.of(state.requireProject(param('project_id')).id)));

  router.post(PATH, (ctx) => {
    const project = ctx.state.requireActiveProject(ctx.param('project_id'));
    const input = parseBody(updateBody, ctx.body);
    const changes: Partial<HostedToolSettings> = {};
    for (const tool of HOSTED_TOOLS) {
      const wanted = input[tool];
      if (wanted) changes[tool] = wanted.enabled;
    }
    const settings = ctx.state.hostedTools.set(project.id, changes);
    auditSettingsChange(ctx, project.id, { hosted_tool_permissions: changes });
    return view(settings);
  });
}
