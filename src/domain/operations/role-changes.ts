import { z } from 'zod';
import { UsageError } from '../../errors.js';
import type { RoleUpdateParams } from '../admin-api/roles.js';
import { defineOperation } from './operation.js';
import {
  assertCustom,
  assertRoleNameFree,
  permissionFlag,
  permissionList,
  resolveRole,
  roleArg,
  roleDescription,
  roleName,
  roleText,
} from './role-ref.js';
import { descriptionFlag, roleResolved, roleTyped } from './roles.js';
import { projectFlag, resolveScope, scopeLabel } from './scope.js';

const missing = (from: readonly string[], of: readonly string[]) => of.filter((item) => !from.includes(item));

/** `adds x; removes y`, or `no change`. */
function permissionChange(before: readonly string[], after: readonly string[]): string {
  const added = missing(before, after);
  const removed = missing(after, before);
  const parts = [
    ...(added.length ? [`adds ${added.join(', ')}`] : []),
    ...(removed.length ? [`removes ${removed.join(', ')}`] : []),
  ];
  return parts.join('; ') || 'no change';
}

const updateFields = { permission: permissionList.optional(), description: roleDescription.optional() };
const updateTyped = roleTyped.extend(updateFields);

const somethingToChange = (input: { permission?: string[] | undefined; description?: string | undefined }) =>
  input.permission !== undefined || input.description !== undefined;
const somethingToChangeIssue = {
  path: ['permission'],
  message: 'Say what to change: --permission <permission>… (the whole new set) or --description <text>.',
};

export const rolesUpdate = defineOperation({
  name: 'roles.update',
  words: ['roles', 'update'],
  summary: 'Change what a custom role grants (--permission replaces the whole set) or its description',
  args: [roleArg, { ...permissionFlag, optional: true }, descriptionFlag, projectFlag],
  input: updateTyped.refine(somethingToChange, somethingToChangeIssue),
  /** `permissions` and `currentDescription`: what the role grants and says now, for the approval card. */
  resolved: roleResolved
    .extend(updateFields)
    .extend({ permissions: z.array(z.string()), currentDescription: z.string().nullable() })
    .refine(somethingToChange, somethingToChangeIssue),
  risk: 'write',
  async resolve(deps, input) {
    const scoped = await resolveScope(deps, input, { active: true });
    const role = await resolveRole(deps, scoped, input.role);
    assertCustom(role, scoped);
    const samePermissions =
      input.permission === undefined ||
      (input.permission.length === role.permissions.length && missing(role.permissions, input.permission).length === 0);
    const sameDescription = input.description === undefined || input.description === (role.description ?? undefined);
    if (samePermissions && sameDescription) {
      throw new UsageError(`Role "${role.name}" already grants exactly that; nothing to change.`);
    }
    return {
      ...scoped,
      roleId: role.id,
      roleName: role.name,
      permissions: role.permissions,
      currentDescription: role.description ?? null,
    };
  },
  describe: (input) => {
    const changes = [
      ...(input.permission ? [`permissions ${permissionChange(input.permissions ?? [], input.permission)}`] : []),
      ...(input.description !== undefined ? [`description "${input.description}"`] : []),
    ];
    return `Change role ${roleText(input)} of ${scopeLabel(input)}: ${changes.join('; ')}`;
  },
  preview: async (_deps, input) => [
    `Permissions now: ${input.permissions.join(', ') || 'none'}.`,
    ...(input.permission ? [`After: ${input.permission.join(', ')}.`] : []),
    'Everyone holding the role gets the change at once.',
  ],
  async run(deps, input) {
    const body: RoleUpdateParams = {
      ...(input.permission ? { permissions: input.permission } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    };
    const { data, requestId } = await deps.admin.roles.update(input.projectId, input.roleId, body);
    const notes = [
      ...(input.permission ? [`Permissions: ${permissionChange(input.permissions ?? [], data.permissions)}.`] : []),
      `It grants: ${data.permissions.join(', ') || 'nothing'}.`,
      ...(input.description !== undefined ? [`Description: ${data.description ?? input.description}`] : []),
    ];
    return { title: `Updated role "${data.name}" of ${scopeLabel(input)}.`, notes, requestId };
  },
});

export const rolesRename = defineOperation({
  name: 'roles.rename',
  words: ['roles', 'rename'],
  summary: 'Rename a custom role (quote names with spaces)',
  args: [roleArg, { name: 'new_name', kind: 'positional', placeholder: '<new name>' }, projectFlag],
  input: roleTyped.extend({ new_name: roleName }),
  resolved: roleResolved.extend({ new_name: roleName }),
  risk: 'write',
  async resolve(deps, input) {
    const scoped = await resolveScope(deps, input, { active: true });
    const role = await resolveRole(deps, scoped, input.role);
    assertCustom(role, scoped);
    if (role.name === input.new_name) {
      throw new UsageError(`Role ${role.id} is already named "${input.new_name}"; nothing to change.`);
    }
    await assertRoleNameFree(deps, scoped, input.new_name, role.id);
    return { ...scoped, roleId: role.id, roleName: role.name };
  },
  describe: (input) => `Rename role ${roleText(input)} of ${scopeLabel(input)} to "${input.new_name}"`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.roles.update(input.projectId, input.roleId, {
      role_name: input.new_name,
    });
    return {
      title: `Renamed role "${input.roleName}" of ${scopeLabel(input)} to "${data.name}".`,
      notes: [`Role id: ${data.id}`],
      requestId,
    };
  },
});
