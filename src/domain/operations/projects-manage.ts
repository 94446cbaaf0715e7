import { z } from 'zod';
import { UsageError } from '../../errors.js';
import type { AdminApi } from '../admin-api/admin-api.js';
import { PROJECT_RESIDENCIES } from '../admin-api/projects.js';
import { formatDate } from '../reply.js';
import { resolveProject } from '../resolve.js';
import { defineOperation } from './operation.js';
import { projectArg, resolveActiveProject } from './scope.js';

const residency = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(
    z.enum(PROJECT_RESIDENCIES, {
      error: (issue) =>
        `"${String(issue.input)}" is not a data residency region; use one of ${PROJECT_RESIDENCIES.join(', ')}.`,
    }),
  );

const projectName = z
  .string()
  .trim()
  .min(1, 'A project needs a name.')
  .max(200, 'Project names are at most 200 characters.');

/** Projects are named in commands, so two active projects with one name would make both ambiguous. */
async function assertNameFree(admin: AdminApi, name: string, exceptId?: string): Promise<void> {
  const wanted = name.trim().toLowerCase();
  for await (const project of admin.projects.list()) {
    if (project.id !== exceptId && (project.name ?? '').trim().toLowerCase() === wanted) {
      throw new UsageError(
        `A project named "${project.name}" already exists (${project.id}); choose another name so commands can tell them apart.`,
      );
    }
  }
}

export const projectsShow = defineOperation({
  name: 'projects.show',
  words: ['projects', 'show'],
  summary: 'Show one project',
  args: [projectArg],
  input: z.object({ project: z.string().min(1) }),
  risk: 'read',
  describe: (input) => `Show project ${input.project}`,
  async run(deps, input) {
    const project = await resolveProject(deps.admin, input.project);
    return {
      title: `Project ${project.name ?? project.id}`,
      notes: [
        `Project id: ${project.id}`,
        `Status: ${project.status ?? (project.archived_at ? 'archived' : 'active')}`,
        `Created: ${formatDate(project.created_at)}`,
        ...(project.archived_at ? [`Archived: ${formatDate(project.archived_at)}`] : []),
      ],
    };
  },
});

export const projectsCreate = defineOperation({
  name: 'projects.create',
  words: ['projects', 'create'],
  summary: 'Create a project (quote a name with spaces)',
  args: [
    { name: 'name', kind: 'positional', placeholder: '<name>' },
    {
      name: 'residency',
      kind: 'flag',
      placeholder: '<region>',
      optional: true,
      choices: PROJECT_RESIDENCIES,
      help: 'data residency region, fixed at creation, e.g. EU_STORAGE_PROCESSING',
    },
  ],
  input: z.object({ name: projectName, residency: residency.optional() }),
  risk: 'write',
  async resolve(deps, input) {
    await assertNameFree(deps.admin, input.name);
    return input;
  },
  describe: (input) =>
    `Create project ${input.name}${input.residency ? ` with data residency ${input.residency}` : ''}`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.projects.create({
      name: input.name,
      ...(input.residency ? { residency: input.residency } : {}),
    });
    const region = data.residency ?? input.residency;
    return {
      title: `Created project ${data.name ?? input.name}.`,
      notes: [`Project id: ${data.id}`, ...(region ? [`Data residency: ${region}`] : [])],
      requestId,
    };
  },
});

export const projectsRename = defineOperation({
  name: 'projects.rename',
  words: ['projects', 'rename'],
  summary: 'Rename a project (quote names with spaces)',
  args: [projectArg, { name: 'new_name', kind: 'positional', placeholder: '<new name>' }],
  input: z.object({ project: z.string().min(1), new_name: projectName }),
  resolved: z.object({
    project: z.string().min(1),
    new_name: projectName,
    projectId: z.string(),
    oldName: z.string().nullable(),
  }),
  risk: 'write',
  async resolve(deps, input) {
    const project = await resolveActiveProject(deps, input.project);
    if ((project.name ?? '') === input.new_name) {
      throw new UsageError(`Project ${project.id} is already named "${input.new_name}"; nothing to change.`);
    }
    await assertNameFree(deps.admin, input.new_name, project.id);
    return { ...input, projectId: project.id, oldName: project.name ?? null };
  },
  describe: (input) => `Rename project ${input.oldName ?? input.project} (${input.projectId}) to ${input.new_name}`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.projects.update(input.projectId, {
      name: input.new_name,
    });
    return {
      title: `Renamed project ${input.oldName ?? input.project} to ${data.name ?? input.new_name}.`,
      notes: [`Project id: ${data.id}`],
      requestId,
    };
  },
});
