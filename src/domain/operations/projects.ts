import { z } from 'zod';
import { UsageError } from '../../errors.js';
import { formatDate, type ReplyItem } from '../reply.js';
import { resolveProject } from '../resolve.js';
import { defineOperation } from './operation.js';

export const projectsList = defineOperation({
  name: 'projects.list',
  words: ['projects', 'list'],
  summary: 'List projects (add --archived to include archived ones)',
  args: [{ name: 'archived', kind: 'flag', placeholder: '', boolean: true, optional: true }],
  input: z.object({ archived: z.boolean().default(false) }),
  risk: 'read',
  slow: true,
  describe: (input) => (input.archived ? 'List all projects, archived included' : 'List active projects'),
  async run(deps, input) {
    const items: ReplyItem[] = [];
    for await (const project of deps.admin.projects.list({ includeArchived: input.archived })) {
      items.push({
        title: project.name ?? project.id,
        id: project.id,
        facts: [
          project.status ?? 'active',
          project.archived_at
            ? `archived ${formatDate(project.archived_at)}`
            : `created ${formatDate(project.created_at)}`,
        ],
      });
    }
    return { title: `${items.length} project${items.length === 1 ? '' : 's'}`, items, emptyText: 'No projects.' };
  },
});

export const projectsArchive = defineOperation({
  name: 'projects.archive',
  words: ['projects', 'archive'],
  summary: 'Archive a project (irreversible: it can no longer be used or changed)',
  args: [{ name: 'project', kind: 'positional', placeholder: '<project_id|name>', input: 'project' }],
  input: z.object({ project: z.string().min(1) }),
  resolved: z.object({ project: z.string().min(1), projectId: z.string(), name: z.string().nullable() }),
  risk: 'destructive',
  async resolve(deps, input) {
    const project = await resolveProject(deps.admin, input.project);
    if (project.status === 'archived')
      throw new UsageError(`Project ${project.name ?? project.id} is already archived.`);
    return { ...input, projectId: project.id, name: project.name ?? null };
  },
  describe: (input) => `Archive project ${input.name ?? input.project} (${input.projectId})`,
  preview: async () => [
    'Status now: active; after: archived. This cannot be undone: there is no unarchive.',
    'Its API keys and service accounts stop working.',
  ],
  async run(deps, input) {
    const { data, requestId } = await deps.admin.projects.archive(input.projectId);
    return {
      title: `Archived project ${data.name ?? data.id}.`,
      notes: [`Archived at ${formatDate(data.archived_at)}.`],
      requestId,
    };
  },
});
