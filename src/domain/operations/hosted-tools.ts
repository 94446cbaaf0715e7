import { z } from 'zod';
import { UsageError } from '../../errors.js';
import { HOSTED_TOOLS, type HostedTool, type HostedToolPermissions } from '../admin-api/certificates.js';
import { resolveProject } from '../resolve.js';
import { defineOperation } from './operation.js';
import { projectArg, projectResolvedFields, resolveActiveProject } from './scope.js';

const toolName = (tool: HostedTool) => tool.replace(/_/g, ' ');

const onOff = (enabled: boolean | undefined) => (enabled === undefined ? 'unknown' : enabled ? 'on' : 'off');

const tool = z
  .string()
  .transform((text) => text.trim().toLowerCase().replace(/-/g, '_'))
  .pipe(
    z.enum(HOSTED_TOOLS, {
      error: (issue) => `"${String(issue.input)}" is not a hosted tool; use one of ${HOSTED_TOOLS.join(', ')}.`,
    }),
  );

const setting = z
  .string()
  .transform((text) => text.trim().toLowerCase())
  .pipe(z.enum(['on', 'off'], { error: (issue) => `"${String(issue.input)}" is neither on nor off.` }));

const lines = (permissions: HostedToolPermissions) =>
  HOSTED_TOOLS.map((name) => `${toolName(name)}: ${onOff(permissions[name]?.enabled)}`);

export const toolsShow = defineOperation({
  name: 'tools.show',
  words: ['tools', 'show'],
  summary:
    'Show which hosted tools (file search, web search, image generation, MCP, code interpreter) a project may use',
  args: [projectArg],
  input: z.object({ project: z.string().min(1) }),
  risk: 'read',
  describe: (input) => `Show the hosted tools of project ${input.project}`,
  async run(deps, input) {
    const project = await resolveProject(deps.admin, input.project);
    const { data, requestId } = await deps.admin.hostedTools.retrieve(project.id);
    return { title: `Hosted tools of project ${project.name ?? project.id}`, notes: lines(data), requestId };
  },
});

export const toolsSet = defineOperation({
  name: 'tools.set',
  words: ['tools', 'set'],
  summary: 'Allow (on) or forbid (off) one hosted tool in a project; it changes what live traffic may do',
  args: [
    projectArg,
    { name: 'tool', kind: 'positional', placeholder: HOSTED_TOOLS.join('|'), choices: HOSTED_TOOLS },
    { name: 'setting', kind: 'positional', placeholder: 'on|off', choices: ['on', 'off'] },
  ],
  input: z.object({ project: z.string().min(1), tool, setting }),
  resolved: z.object({ project: z.string().min(1), tool, setting, ...projectResolvedFields }),
  risk: 'destructive',
  async resolve(deps, input) {
    const project = await resolveActiveProject(deps, input.project);
    const { data } = await deps.admin.hostedTools.retrieve(project.id);
    if (data[input.tool]?.enabled === (input.setting === 'on')) {
      throw new UsageError(
        `${toolName(input.tool)} is already ${input.setting} in project ${project.name ?? project.id}; nothing to change.`,
      );
    }
    return { ...input, projectId: project.id, projectName: project.name ?? null };
  },
  describe: (input) =>
    `Turn ${toolName(input.tool)} ${input.setting} in project ${input.projectName ?? input.project} (${input.projectId})`,
  preview: async (_deps, input) => [
    `Now: ${input.setting === 'on' ? 'off' : 'on'}. After: ${input.setting}.`,
    input.setting === 'off'
      ? `Requests of this project that use ${toolName(input.tool)} are refused once this runs.`
      : `The project's API keys may use ${toolName(input.tool)} once this runs.`,
  ],
  async run(deps, input) {
    const { data, requestId } = await deps.admin.hostedTools.update(input.projectId, {
      [input.tool]: { enabled: input.setting === 'on' },
    });
    return {
      title: `${toolName(input.tool)} is now ${onOff(data[input.tool]?.enabled)} in project ${input.projectName ?? input.project}.`,
      notes: lines(data),
      requestId,
    };
  },
});
