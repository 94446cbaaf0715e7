import { z } from 'zod';
import { NotFoundError } from '../../errors.js';
import { NotFoundApiError } from '../admin-api/errors.js';
import { resolveMember as resolveOrgMember } from '../member-ref.js';
import { formatDate } from '../reply.js';
import { resolveProject } from '../resolve.js';
import { defineOperation } from './operation.js';
import { projectArg } from './scope.js';

export const membersShow = defineOperation({
  name: 'members.show',
  words: ['members', 'show'],
  summary: 'Show one member of a project and their project role',
  args: [projectArg, { name: 'user', kind: 'positional', placeholder: '<email|user_id|@mention>', input: 'user' }],
  input: z.object({ project: z.string().min(1), user: z.string().min(1) }),
  risk: 'read',
  describe: (input) => `Show ${input.user} in project ${input.project}`,
  async run(deps, input) {
    const project = await resolveProject(deps.admin, input.project);
    const user = await resolveOrgMember(deps, input.user);
    const projectName = project.name ?? project.id;
    try {
      const { data, requestId } = await deps.admin.projectUsers.retrieve(project.id, user.id);
      return {
        title: `${data.name ? `${data.name} <${data.email ?? user.email}>` : (data.email ?? user.email ?? user.id)} in project ${projectName}`,
        notes: [
          `User id: ${data.id}`,
          `Project role: ${data.role}`,
          `Added to the project: ${formatDate(data.added_at)}`,
        ],
        requestId,
      };
    } catch (error) {
      if (!(error instanceof NotFoundApiError)) throw error;
      throw new NotFoundError(
        `${user.email ?? user.id} is in the organization but not a member of project ${projectName}.`,
      );
    }
  },
});
