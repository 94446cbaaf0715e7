import { z } from 'zod';
import type { Role } from '../admin-api/roles.js';
import type { ReplyItem } from '../reply.js';
import { defineOperation } from './operation.js';
import {
  assertCustom,
  assertRoleNameFree,
  permissionFlag,
  permissionList,
  resolveRole,
  roleArg,
  roleDescription,
  roleLookedUpFields,
  roleName,
  roleText,
} from './role-ref.js';
import { projectFlag, resolveScope, scopeLabel, scopeResolvedFields, scopeTypedFields } from './scope.js';

/** `--description <text>` of a role. */
export const descriptionFlag = {
  name: 'description',
  kind: 'flag',
  placeholder: '<text>',
  optional: true,
  help: 'what the role is for',
} as const;

/** The first few permissions of a role and how many more there are. */
export function permissionsSummary(permissions: readonly string[], shown = 3): string {
  if (permissions.length === 0) return 'no permissions';
  const head = permissions.slice(0, shown).join(', ');
  return permissions.length > shown ? `${head} and ${permissions.length - shown} more` : head;
}

const roleItem = (role: Role): ReplyItem => ({
  title: role.name,
  id: role.id,
  facts: [
    role.predefined_role ? 'predefined' : 'custom',
    permissionsSummary(role.permissions),
    ...(role.description ? [role.description] : []),
  ],
});

/** A role as typed: its id or name, in the organization or in a project. */
export const roleTyped = z.object({ ...scopeTypedFields, role: z.string().trim().min(1) });

/** The role looked up: the scope's and the role's ids and names. */
export const roleResolved = roleTyped.extend({ ...scopeResolvedFields, ...roleLookedUpFields });

export const rolesList = defineOperation({
  name: 'roles.list',
  words: ['roles', 'list'],
  summary: 'List the roles of the organization, or of a project with --project',
  args: [projectFlag],
  input: z.object(scopeTypedFields),
  resolved: z.object({ ...scopeTypedFields, ...scopeResolvedFields }),
  risk: 'read',
  resolve: (deps, input) => resolveScope(deps, input),
  describe: (input) => `List the roles of ${scopeLabel(input)}`,
  async run(deps, input) {
    const items: ReplyItem[] = [];
    for await (const role of deps.admin.roles.list(input.projectId)) items.push(roleItem(role));
    return {
      title: `${items.length} role${items.length === 1 ? '' : 's'} in ${scopeLabel(input)}`,
      items,
      emptyText: 'No roles.',
    };
  },
});

export const rolesShow = defineOperation({
  name: 'roles.show',
  words: ['roles', 'show'],
  summary: 'Show a role and every permission it grants',
  args: [roleArg, projectFlag],
  input: roleTyped,
  resolved: roleResolved,
  risk: 'read',
  async resolve(deps, input) {
    const scoped = await resolveScope(deps, input);
    const role = await resolveRole(deps, scoped, input.role);
    return { ...scoped, roleId: role.id, roleName: role.name };
  },
  describe: (input) => `Show role ${roleText(input)} of ${scopeLabel(input)}`,
  async run(deps, input) {
    const { data: role, requestId } = await deps.admin.roles.retrieve(input.projectId, input.roleId);
    return {
      title: `Role "${role.name}" of ${scopeLabel(input)}`,
      notes: [
        `Role id: ${role.id}`,
        role.predefined_role ? 'Predefined by OpenAI: it cannot be changed or deleted.' : 'Custom role',
        ...(role.description ? [`Description: ${role.description}`] : []),
        `Permissions (${role.permissions.length}): ${role.permissions.join(', ') || 'none'}`,
      ],
      requestId,
    };
  },
});

const createTyped = z.object({
  ...scopeTypedFields,
  name: roleName,
  permission: permissionList,
  description: roleDescription.optional(),
});

export const rolesCreate = defineOperation({
  name: 'roles.create',
  words: ['roles', 'create'],
  summary: 'Create a custom role with the permissions it grants (quote a name with spaces)',
  args: [{ name: 'name', kind: 'positional', placeholder: '<name>' }, permissionFlag, projectFlag, descriptionFlag],
  input: createTyped,
  resolved: createTyped.extend(scopeResolvedFields),
  risk: 'write',
  async resolve(deps, input) {
    const scoped = await resolveScope(deps, input, { active: true });
    await assertRoleNameFree(deps, scoped, input.name);
    return scoped;
  },
  describe: (input) => `Create role "${input.name}" in ${scopeLabel(input)}, granting ${input.permission.join(', ')}`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.roles.create(input.projectId, {
      role_name: input.name,
      permissions: input.permission,
      ...(input.description ? { description: input.description } : {}),
    });
    return {
      title: `Created role "${data.name}" in ${scopeLabel(input)}.`,
      notes: [`Role id: ${data.id}`, `Permissions: ${data.permissions.join(', ')}`],
      requestId,
    };
  },
});

export const rolesDelete = defineOperation({
  name: 'roles.delete',
  words: ['roles', 'delete'],
  summary: 'Delete a custom role; everyone holding it loses what it grants',
  args: [roleArg, projectFlag],
  input: roleTyped,
  /** `permissions`: what the role grants now, for the approval card. */
  resolved: roleResolved.extend({ permissions: z.array(z.string()) }),
  risk: 'destructive',
  async resolve(deps, input) {
    const scoped = await resolveScope(deps, input, { active: true });
    const role = await resolveRole(deps, scoped, input.role);
    assertCustom(role, scoped);
    return { ...scoped, roleId: role.id, roleName: role.name, permissions: role.permissions };
  },
  describe: (input) => `Delete role ${roleText(input)} of ${scopeLabel(input)}`,
  preview: async (_deps, input) => [
    `It grants: ${input.permissions.join(', ') || 'nothing'}.`,
    'Every user and group holding it loses these permissions at once. This cannot be undone.',
  ],
  async run(deps, input) {
    const { requestId } = await deps.admin.roles.delete(input.projectId, input.roleId);
    return { title: `Deleted role "${input.roleName}" of ${scopeLabel(input)}.`, requestId };
  },
});
