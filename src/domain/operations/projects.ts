import { z } from 'zod';
import { formatDate, type ReplyItem } from '../reply.js';
import { defineOperation } from './operation.js';

export const projectsList = defineOperation({
  name: 'projects.list',
  words: ['projects', 'list'],
  summary: 'List projects (add --archived to include archived ones)',
  args: [{ name: 'archived', kind: 'flag', placeholder: '', boolean: true, optional: true }],
  input: z.object({ archived: z.boolean().default(false) }),
  risk: 'read',
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
