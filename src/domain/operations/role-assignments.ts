import { z } from 'zod';
import { UsageError } from '../../errors.js';
import type { AssignedRole } from '../admin-api/roles.js';
import type { OperationDeps } from '../ports.js';
import { formatDate, type ReplyItem } from '../reply.js';
import { defineOperation } from './operation.js';
import {
  exactlyOnePrincipal,
  principalFields,
  principalFlags,
  principalOf,
  principalResolvedFields,
  principalText,
  resolvePrincipal,
} from './principal-ref.js';
import { resolveRole, roleArg, roleLookedUpFields, roleText } from './role-ref.js';
import { permissionsSummary } from './roles.js';
import { projectFlag, resolveScope, scopeLabel, scopeResolvedFields, scopeTypedFields } from './scope.js';

const assignmentTyped = z.object({ ...scopeTypedFields, role: z.string().trim().min(1), ...principalFields });
const assignmentInput = assignmentTyped.superRefine(exactlyOnePrincipal);
type AssignmentInput = z.output<typeof assignmentInput>;

/** The scope, role and user or group looked up, and what the role grants now. */
const assignmentResolved = assignmentTyped
  .extend({
    ...scopeResolvedFields,
    ...roleLookedUpFields,
    ...principalResolvedFields,
    permissions: z.array(z.string()),
  })
  .superRefine(exactlyOnePrincipal);

/** Resolves project, role and user or group, and reads whether the role is already held. */
async function resolveAssignment(deps: OperationDeps, input: AssignmentInput) {
  const scoped = await resolveScope(deps, input, { active: true });
  const project = scoped.projectId ? { id: scoped.projectId, name: scoped.projectName ?? scoped.projectId } : null;
  const role = await resolveRole(deps, scoped, input.role);
  const resolved = await resolvePrincipal(deps, { ...scoped, roleId: role.id, roleName: role.name }, project);
  const { data: held } = await deps.admin.roleAssignments.retrieve(principalOf(resolved), resolved.projectId, role.id);
  return { resolved: { ...resolved, permissions: role.permissions }, held };
}

/** Where a held role comes from, when it is not (only) given to this user or group directly. */
function inheritedFrom(held: AssignedRole, principalId: string): string[] {
  const sources = held.assignment_sources ?? [];
  if (sources.length === 0 || sources.some((source) => source.principal_id === principalId)) return [];
  return sources.map((source) => `${source.principal_type} ${source.principal_id}`);
}

export const rolesAssign = defineOperation({
  name: 'roles.assign',
  words: ['roles', 'assign'],
  summary: 'Give a role to a user or a group (with --project, a role of that project, to its members and groups)',
  args: [roleArg, ...principalFlags, projectFlag],
  input: assignmentInput,
  resolved: assignmentResolved,
  risk: 'write',
  async resolve(deps, input) {
    const { resolved, held } = await resolveAssignment(deps, input);
    if (held && inheritedFrom(held, resolved.principalId).length === 0) {
      throw new UsageError(
        `Role ${roleText(resolved)} is already given to ${principalText(resolved)} in ${scopeLabel(resolved)}; nothing to change.`,
      );
    }
    return resolved;
  },
  describe: (input) => `Give role ${roleText(input)} to ${principalText(input)} in ${scopeLabel(input)}`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.roleAssignments.assign(
      principalOf(input),
      input.projectId,
      input.roleId,
    );
    return {
      title: `Gave role "${data.role.name}" to ${principalText(input)} in ${scopeLabel(input)}.`,
      notes: [`It grants: ${data.role.permissions.join(', ') || 'nothing'}.`],
      requestId,
    };
  },
});

export const rolesUnassign = defineOperation({
  name: 'roles.unassign',
  words: ['roles', 'unassign'],
  summary: 'Take a role away from a user or a group',
  args: [roleArg, ...principalFlags, projectFlag],
  input: assignmentInput,
  resolved: assignmentResolved,
  risk: 'destructive',
  async resolve(deps, input) {
    const { resolved, held } = await resolveAssignment(deps, input);
    const where = `Role ${roleText(resolved)} is not given to ${principalText(resolved)} in ${scopeLabel(resolved)}`;
    if (!held) throw new UsageError(`${where}; nothing to take away.`);
    const through = inheritedFrom(held, resolved.principalId);
    if (through.length > 0) {
      throw new UsageError(`${where} directly: it comes from ${through.join(', ')}. Take it from there instead.`);
    }
    return resolved;
  },
  describe: (input) => `Take role ${roleText(input)} away from ${principalText(input)} in ${scopeLabel(input)}`,
  preview: async (_deps, input) => [
    `They lose what it grants: ${input.permissions.join(', ') || 'nothing'}, unless another role grants it too.`,
    'It can be given back with /openai roles assign.',
  ],
  async run(deps, input) {
    const { requestId } = await deps.admin.roleAssignments.unassign(principalOf(input), input.projectId, input.roleId);
    return {
      title: `Took role "${input.roleName}" away from ${principalText(input)} in ${scopeLabel(input)}.`,
      requestId,
    };
  },
});

export const rolesOf = defineOperation({
  name: 'roles.of',
  words: ['roles', 'of'],
  summary: 'List the roles a user or a group has (in a project with --project)',
  args: [...principalFlags, projectFlag],
  input: z.object({ ...scopeTypedFields, ...principalFields }).superRefine(exactlyOnePrincipal),
  resolved: z
    .object({ ...scopeTypedFields, ...principalFields, ...scopeResolvedFields, ...principalResolvedFields })
    .superRefine(exactlyOnePrincipal),
  risk: 'read',
  async resolve(deps, input) {
    const scoped = await resolveScope(deps, input);
    const project = scoped.projectId ? { id: scoped.projectId, name: scoped.projectName ?? scoped.projectId } : null;
    return resolvePrincipal(deps, scoped, project);
  },
  describe: (input) => `List the roles of ${principalText(input)} in ${scopeLabel(input)}`,
  async run(deps, input) {
    const items: ReplyItem[] = [];
    const principal = principalOf(input);
    for await (const held of deps.admin.roleAssignments.list(principal, input.projectId)) {
      const through = inheritedFrom(held, principal.id);
      items.push({
        title: held.name,
        id: held.id,
        facts: [
          held.predefined_role ? 'predefined' : 'custom',
          permissionsSummary(held.permissions),
          ...(through.length ? [`through ${through.join(', ')}`] : []),
          ...(held.created_at ? [`since ${formatDate(held.created_at)}`] : []),
        ],
      });
    }
    return {
      title: `${items.length} role${items.length === 1 ? '' : 's'} of ${principalText(input)} in ${scopeLabel(input)}`,
      items,
      emptyText: 'No roles.',
    };
  },
});
