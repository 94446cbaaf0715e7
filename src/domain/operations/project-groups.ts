import { z } from 'zod';
import { NotFoundError, UsageError } from '../../errors.js';
import type { OperationDeps } from '../ports.js';
import { formatDate, type ReplyItem } from '../reply.js';
import { resolveProject } from '../resolve.js';
import { groupLabel, resolveGroup, unlessNotFound } from '../resolve-group.js';
import { groupArg, groupFields, groupResolvedFields } from './groups.js';
import { defineOperation } from './operation.js';
import { resolveRole, roleText } from './role-ref.js';
import { projectArg, projectResolvedFields, resolveActiveProject, scopeLabel } from './scope.js';

const projectFields = { project: z.string().trim().min(1) };
const resolvedFields = { ...projectFields, ...projectResolvedFields, ...groupResolvedFields };

/** The project role a group gets with its access: a role of that project, by name or id. */
const projectRole = z.string({ error: 'Give the project role to grant with --role <role>.' }).trim().min(1);

/** The project (active, since it is about to change), the group, and whether the group has access to it now. */
async function resolveAccess<I extends { project: string; group: string }>(deps: OperationDeps, input: I) {
  const project = await resolveActiveProject(deps, input.project);
  const group = await resolveGroup(deps.admin, input.group);
  const access = await unlessNotFound(deps.admin.projectGroups.retrieve(project.id, group.id));
  const resolved = {
    ...input,
    projectId: project.id,
    projectName: project.name ?? null,
    groupId: group.id,
    groupName: group.name,
  };
  return { resolved, access };
}

export const projectsGroups = defineOperation({
  name: 'projects.groups',
  words: ['projects', 'groups'],
  summary: 'List the groups with access to a project',
  args: [projectArg],
  input: z.object({ project: projectFields.project }),
  risk: 'read',
  describe: (input) => `List the groups of project ${input.project}`,
  async run(deps, input) {
    const project = await resolveProject(deps.admin, input.project);
    const items: ReplyItem[] = [];
    for await (const access of deps.admin.projectGroups.list(project.id)) {
      items.push({
        title: access.group_name ?? access.group_id,
        id: access.group_id,
        facts: [
          `added ${formatDate(access.created_at)}`,
          ...(access.group_type && access.group_type !== 'group' ? [access.group_type] : []),
        ],
      });
    }
    return {
      title: `${items.length} group${items.length === 1 ? '' : 's'} with access to project ${project.name ?? project.id}`,
      items,
      emptyText: 'No groups have access to this project.',
    };
  },
});

export const projectsAddGroup = defineOperation({
  name: 'projects.add-group',
  words: ['projects', 'add-group'],
  summary: 'Give a group access to a project with a project role',
  args: [
    projectArg,
    groupArg,
    {
      name: 'role',
      kind: 'flag',
      placeholder: '<role>',
      help: 'the project role the group gets, by name or id (/openai roles list --project <project>)',
    },
  ],
  input: z.object({ ...projectFields, ...groupFields, role: projectRole }),
  resolved: z.object({ ...resolvedFields, role: projectRole, roleId: z.string(), roleName: z.string() }),
  risk: 'write',
  async resolve(deps, input) {
    const { resolved, access } = await resolveAccess(deps, input);
    if (access) {
      throw new UsageError(`${groupLabel(resolved)} already has access to ${scopeLabel(resolved)}; nothing to add.`);
    }
    const role = await resolveRole(deps, resolved, input.role);
    return { ...resolved, roleId: role.id, roleName: role.name };
  },
  describe: (input) => `Give ${groupLabel(input)} access to ${scopeLabel(input)} with role ${roleText(input)}`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.projectGroups.add(input.projectId, {
      group_id: input.groupId,
      role: input.roleId ?? input.role,
    });
    return {
      title: `Group ${data.group_name ?? input.groupName} now has access to project ${input.projectName ?? input.project} with role "${input.roleName}".`,
      requestId,
    };
  },
});

export const projectsRemoveGroup = defineOperation({
  name: 'projects.remove-group',
  words: ['projects', 'remove-group'],
  summary: 'Take a group’s access to a project away (its members keep access they have in their own right)',
  args: [projectArg, groupArg],
  input: z.object({ ...projectFields, ...groupFields }),
  resolved: z.object(resolvedFields),
  risk: 'destructive',
  async resolve(deps, input) {
    const { resolved, access } = await resolveAccess(deps, input);
    if (!access) throw new NotFoundError(`${groupLabel(resolved)} has no access to ${scopeLabel(resolved)}.`);
    return resolved;
  },
  describe: (input) => `Take the access of ${groupLabel(input)} to ${scopeLabel(input)} away`,
  preview: async () => [
    'Its members lose the access the group gave them to this project; access they hold in their own right stays.',
    'It can be given back with /openai projects add-group.',
  ],
  async run(deps, input) {
    const { requestId } = await deps.admin.projectGroups.remove(input.projectId, input.groupId);
    return {
      title: `Group ${input.groupName} no longer has access to project ${input.projectName ?? input.project}.`,
      requestId,
    };
  },
});
