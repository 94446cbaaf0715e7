import { z } from 'zod';
import { NotFoundError } from '../../errors.js';
import type { Principal } from '../admin-api/roles.js';
import { resolveMember } from '../member-ref.js';
import type { OperationDeps } from '../ports.js';
import { resolveGroup, unlessNotFound } from '../resolve-group.js';
import type { ArgSpec } from './operation.js';

/** `--user <user>` and `--group <group>`: whose roles a command is about; exactly one of them is given. */
export const principalFlags: readonly ArgSpec[] = [
  {
    name: 'user',
    kind: 'flag',
    placeholder: '<user>',
    optional: true,
    input: 'user',
    either: 'principal',
    help: 'an email, a user id or an @mention (or give --group)',
  },
  {
    name: 'group',
    kind: 'flag',
    placeholder: '<group>',
    optional: true,
    either: 'principal',
    help: 'a group name or id (or give --user)',
  },
];

/** What is typed for `--user`/`--group`. */
export const principalFields = {
  user: z.string().trim().min(1).optional(),
  group: z.string().trim().min(1).optional(),
};

/** What `resolvePrincipal` looks up: which kind it is, its id, and how replies name it. */
export const principalResolvedFields = {
  principalKind: z.enum(['user', 'group']),
  principalId: z.string(),
  /** `ann@x.com` for a user, `group Research` for a group: how replies and cards name them. */
  principalLabel: z.string(),
};

interface PrincipalInput {
  user?: string | undefined;
  group?: string | undefined;
}

interface PrincipalResolved {
  principalKind: 'user' | 'group';
  principalId: string;
  principalLabel: string;
}

/** Refuses input that names neither a user nor a group, or both. */
export function exactlyOnePrincipal(input: PrincipalInput, ctx: z.RefinementCtx): void {
  if (input.user !== undefined && input.group !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['group'], message: 'Give either --user or --group, not both.' });
  } else if (input.user === undefined && input.group === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['user'],
      message: 'Say whose roles: give --user <user> or --group <group>.',
    });
  }
}

/** The resolved user or group, for the Admin API. */
export function principalOf(input: PrincipalResolved): Principal {
  return { kind: input.principalKind, id: input.principalId };
}

/** How a reply names the user or group. */
export const principalText = (input: PrincipalResolved): string => input.principalLabel;

/** Whether a user is a member of a project, read from its member list. */
async function isProjectMember(deps: OperationDeps, projectId: string, userId: string): Promise<boolean> {
  for await (const member of deps.admin.projectUsers.list(projectId)) {
    if (member.id === userId) return true;
  }
  return false;
}

/**
 * Turns `--user` (email, id or mention) or `--group` (name or id) into an id and a label. In a project, a user must
 * be a member of it and a group must have access to it: project roles go only to those.
 */
export async function resolvePrincipal<I extends PrincipalInput>(
  deps: OperationDeps,
  input: I,
  project: { id: string; name: string } | null,
): Promise<I & PrincipalResolved> {
  if (input.user !== undefined) {
    const user = await resolveMember(deps, input.user);
    const label = user.email ?? user.id;
    if (project && !(await isProjectMember(deps, project.id, user.id))) {
      throw new NotFoundError(
        `${label} is not a member of project ${project.name}; add them with /openai members add first.`,
      );
    }
    return { ...input, principalKind: 'user' as const, principalId: user.id, principalLabel: label };
  }
  const group = await resolveGroup(deps.admin, input.group ?? '');
  if (project && !(await unlessNotFound(deps.admin.projectGroups.retrieve(project.id, group.id)))) {
    throw new NotFoundError(
      `Group ${group.name} has no access to project ${project.name}; give it with /openai projects add-group first.`,
    );
  }
  return { ...input, principalKind: 'group' as const, principalId: group.id, principalLabel: `group ${group.name}` };
}
