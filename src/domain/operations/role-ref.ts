import { z } from 'zod';
import { NotFoundError, UsageError } from '../../errors.js';
import type { Role } from '../admin-api/roles.js';
import type { OperationDeps } from '../ports.js';
import type { ArgSpec } from './operation.js';
import { scopeLabel } from './scope.js';

/** `<role>`: a role's name or id, within the organization or (with `--project`) that project. */
export const roleArg: ArgSpec = { name: 'role', kind: 'positional', placeholder: '<role>', help: 'role name or id' };

/** `--permission <permission>…`, repeated or comma-separated. */
export const permissionFlag: ArgSpec = {
  name: 'permission',
  kind: 'flag',
  placeholder: '<permission>',
  repeatable: true,
  help: 'a permission such as api.audit_logs.read; repeat the flag or separate them with commas',
};

/** How OpenAI spells permissions: dotted lower-case words, e.g. `api.organization.projects.read`. */
const PERMISSION = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

const splitPermissions = (value: unknown): unknown => {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list
    .flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]))
    .map((item) => (typeof item === 'string' ? item.trim().toLowerCase() : item))
    .filter((item) => item !== '');
};

/** One or more permissions, lower-cased and without repeats. */
export const permissionList = z
  .preprocess(
    splitPermissions,
    z
      .array(
        z.string().regex(PERMISSION, {
          error: (issue) =>
            `"${String(issue.input)}" is not a permission; permissions are dotted words such as api.audit_logs.read.`,
        }),
      )
      .min(1, 'Give at least one --permission, e.g. --permission api.audit_logs.read.'),
  )
  .transform((list) => [...new Set(list)]);

export const roleName = z
  .string()
  .trim()
  .min(1, 'A role needs a name.')
  .max(255, 'Role names are at most 255 characters.');

export const roleDescription = z.string().trim().min(1).max(1000, 'Descriptions are at most 1000 characters.');

/** What `resolveRole`'s callers look up: the role's id and name. */
export const roleLookedUpFields = {
  roleId: z.string(),
  roleName: z.string(),
};

interface ScopeInput {
  projectId?: string | null | undefined;
  projectName?: string | null | undefined;
}

/** `Auditor (role_1)`. */
export const roleText = (input: { role: string; roleId?: string | undefined; roleName?: string | undefined }) =>
  `"${input.roleName ?? input.role}" (${input.roleId ?? input.role})`;

/** Lists roles of the organization or of a project. */
async function rolesIn(deps: OperationDeps, projectId: string | null): Promise<Role[]> {
  const roles: Role[] = [];
  for await (const role of deps.admin.roles.list(projectId)) roles.push(role);
  return roles;
}

/**
 * Finds a role by id or exact, case-insensitive name among the roles of the scope (`scope.projectId` null: the
 * organization). A name that only exists in the other scope gets a hint about `--project`.
 */
export async function resolveRole(deps: OperationDeps, scope: ScopeInput, ref: string): Promise<Role> {
  const projectId = scope.projectId ?? null;
  const roles = await rolesIn(deps, projectId);
  const wanted = ref.trim().toLowerCase();
  const byId = roles.find((role) => role.id === ref.trim());
  if (byId) return byId;
  const byName = roles.filter((role) => role.name.trim().toLowerCase() === wanted);
  const [only] = byName;
  if (only && byName.length === 1) return only;
  if (only) {
    throw new UsageError(
      `Several roles of ${scopeLabel(scope)} are named "${ref}": ${byName.map((r) => r.id).join(', ')}. Use the role id.`,
    );
  }
  const known = roles.map((role) => role.name).join(', ') || 'none';
  const hint =
    projectId !== null && (await rolesIn(deps, null)).some((role) => role.name.trim().toLowerCase() === wanted)
      ? ` "${ref}" is an organization role: leave out --project.`
      : '';
  throw new NotFoundError(`No role of ${scopeLabel(scope)} is named "${ref}".${hint} Its roles: ${known}.`);
}

/** Predefined roles belong to OpenAI: they cannot be changed, renamed or deleted. */
export function assertCustom(role: Role, scope: ScopeInput): void {
  if (role.predefined_role) {
    throw new UsageError(
      `"${role.name}" is a predefined role of ${scopeLabel(scope)}; OpenAI does not let it be changed or deleted.`,
    );
  }
}

/** Role names are unique within their scope; a taken name is refused before anything is sent. */
export async function assertRoleNameFree(
  deps: OperationDeps,
  scope: ScopeInput,
  name: string,
  exceptId?: string,
): Promise<void> {
  const wanted = name.trim().toLowerCase();
  const taken = (await rolesIn(deps, scope.projectId ?? null)).find(
    (role) => role.id !== exceptId && role.name.trim().toLowerCase() === wanted,
  );
  if (taken) {
    throw new UsageError(`A role named "${taken.name}" already exists in ${scopeLabel(scope)} (${taken.id}).`);
  }
}
