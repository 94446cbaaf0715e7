import { z } from 'zod';
import { UsageError } from '../../errors.js';
import type { OperationDeps } from '../ports.js';
import { resolveProject } from '../resolve.js';
import { type AnyOperation, defineOperation } from './operation.js';
import { projectArg, projectResolvedFields, resolveActiveProject } from './scope.js';

type Mode = 'allow_list' | 'deny_list';
interface Policy {
  mode: string;
  model_ids: string[];
}

const modelId = z
  .string()
  .regex(/^[A-Za-z0-9][\w.:/-]*$/, { error: (issue) => `"${String(issue.input)}" is not a model id, e.g. gpt-4.1.` });

const resolved = {
  ...projectResolvedFields,
  /** The policy when the request was made (null: no restriction), for the approval card. */
  current: z.object({ mode: z.string(), model_ids: z.array(z.string()) }).nullable(),
};

const modeLabel = (mode: string) => (mode === 'allow_list' ? 'allow-list' : mode === 'deny_list' ? 'deny-list' : mode);

/** How a policy reads: `allow-list: gpt-4.1, o3` or `no restriction (every model is usable)`. */
export function describePolicy(policy: Policy | null | undefined): string {
  if (!policy) return 'no restriction (every model is usable)';
  return `${modeLabel(policy.mode)}: ${policy.model_ids.join(', ') || 'no models'}`;
}

const where = (input: { projectName?: string | null | undefined; project: string }) =>
  `project ${input.projectName ?? input.project}`;

async function resolveCurrent<I extends { project: string }>(deps: OperationDeps, input: I) {
  const project = await resolveActiveProject(deps, input.project);
  const { data } = await deps.admin.modelPermissions.retrieve(project.id);
  const current: Policy | null = data ? { mode: data.mode, model_ids: [...data.model_ids] } : null;
  return { ...input, projectId: project.id, projectName: project.name ?? null, current };
}

/** Before and after, plus which models enter and leave the list (all of them when the mode flips). */
function changeLines(before: Policy | null | undefined, after: Policy | null): string[] {
  const lines = [`Now: ${describePolicy(before)}`, `After: ${describePolicy(after)}`];
  const old = before?.model_ids ?? [];
  const next = after?.model_ids ?? [];
  const flips = before && after && before.mode !== after.mode;
  const added = flips ? next : next.filter((m) => !old.includes(m));
  const removed = flips ? old : old.filter((m) => !next.includes(m));
  const from = (policy: Policy | null | undefined) => (flips && policy ? ` (${modeLabel(policy.mode)})` : '');
  if (added.length) lines.push(`Models added: ${added.join(', ')}${from(after)}`);
  if (removed.length) lines.push(`Models removed: ${removed.join(', ')}${from(before)}`);
  return lines;
}

const listTyped = z.object({
  project: z.string().min(1),
  models: z
    .array(modelId, { error: 'Name at least one model.' })
    .min(1, 'Name at least one model.')
    .transform((ids) => [...new Set(ids)]),
});

function setList(mode: Mode, words: string, summary: string): AnyOperation {
  const label = mode === 'allow_list' ? 'allow-list' : 'deny-list';
  return defineOperation({
    name: `models.${words}`,
    words: ['models', words],
    summary,
    args: [projectArg, { name: 'models', kind: 'positional', placeholder: '<model>', repeatable: true }],
    input: listTyped,
    resolved: listTyped.extend(resolved),
    risk: 'destructive',
    async resolve(deps, input) {
      const found = await resolveCurrent(deps, input);
      const same =
        found.current?.mode === mode &&
        found.current.model_ids.length === input.models.length &&
        input.models.every((m) => found.current?.model_ids.includes(m));
      if (same) throw new UsageError(`${where(found)} already has exactly this ${label}; nothing to change.`);
      return found;
    },
    describe: (input) => `Set the model ${label} of ${where(input)} to ${input.models.join(', ')}`,
    preview: async (_deps, input) => [
      ...changeLines(input.current, { mode, model_ids: input.models }),
      mode === 'allow_list'
        ? 'Only the listed models will work in this project.'
        : 'The listed models will stop working in this project.',
    ],
    async run(deps, input) {
      const { data, requestId } = await deps.admin.modelPermissions.set(input.projectId, {
        mode,
        model_ids: input.models,
      });
      return { title: `Model permissions of ${where(input)}: ${describePolicy(data)}.`, requestId };
    },
  });
}

export const modelsShow = defineOperation({
  name: 'models.show',
  words: ['models', 'show'],
  summary: 'Show which models a project may use',
  args: [projectArg],
  input: z.object({ project: z.string().min(1) }),
  risk: 'read',
  describe: (input) => `Show model permissions of project ${input.project}`,
  async run(deps, input) {
    const project = await resolveProject(deps.admin, input.project);
    const { data, requestId } = await deps.admin.modelPermissions.retrieve(project.id);
    return {
      title: `Model permissions of project ${project.name ?? project.id}: ${describePolicy(data)}`,
      ...(requestId ? { requestId } : {}),
    };
  },
});

export const modelsAllow = setList('allow_list', 'allow', 'Let a project use only these models (replaces its list)');
export const modelsDeny = setList('deny_list', 'deny', 'Forbid these models in a project (replaces its list)');

export const modelsClear = defineOperation({
  name: 'models.clear',
  words: ['models', 'clear'],
  summary: 'Lift the model restriction of a project: every model becomes usable',
  args: [projectArg],
  input: z.object({ project: z.string().min(1) }),
  resolved: z.object({ project: z.string().min(1), ...resolved }),
  risk: 'destructive',
  async resolve(deps, input) {
    const found = await resolveCurrent(deps, input);
    if (!found.current) throw new UsageError(`${where(found)} has no model restriction; nothing to clear.`);
    return found;
  },
  describe: (input) => `Remove the model restriction of ${where(input)}`,
  preview: async (_deps, input) => changeLines(input.current, null),
  async run(deps, input) {
    const { requestId } = await deps.admin.modelPermissions.delete(input.projectId);
    return { title: `${where(input)} may now use every model.`, requestId };
  },
});
