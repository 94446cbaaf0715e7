import { z } from 'zod';
import { NotFoundError, UsageError } from '../../errors.js';
import type { ProjectUser } from '../admin-api/projects.js';
import { forFlag, formatSpan, grantDuration } from '../grants/duration.js';
import { grantsOf, withGrant } from '../grants/with-grant.js';
import type { OperationDeps } from '../ports.js';
import { formatDate, type ReplyItem } from '../reply.js';
import { resolveProject, resolveUser } from '../resolve.js';
import { defineOperation } from './operation.js';
import { projectArg, projectResolvedFields, resolveActiveProject } from './scope.js';

const role = z.enum(['member', 'owner'], {
  error: (issue) => `"${String(issue.input)}" is not a project role; use member or owner.`,
});
const userRef = z.string().min(1);
const userArg = { name: 'user', kind: 'positional', placeholder: '<email|user_id>', input: 'user' } as const;
const ROLES = ['member', 'owner'] as const;

/** Looked up by `resolve`: ids for the call and names for the approval card and the reply. */
const resolved = {
  ...projectResolvedFields,
  userId: z.string(),
  email: z.string().nullable(),
};

/** Looked up for a member already in the project: also their project role now. */
const resolvedMember = { ...resolved, currentRole: z.string() };

const memberItem = (member: ProjectUser): ReplyItem => ({
  title: member.name ? `${member.name} <${member.email ?? 'no email'}>` : (member.email ?? member.id),
  id: member.id,
  facts: [member.role, `added ${formatDate(member.added_at)}`],
});

const who = (input: { email?: string | null | undefined; user: string }) => input.email ?? input.user;
const where = (input: { projectName?: string | null | undefined; project: string }) =>
  input.projectName ?? input.project;

/** Finds a member of a project by email (case-insensitive) or user id. */
async function findMember(deps: OperationDeps, projectId: string, ref: string): Promise<ProjectUser | undefined> {
  const wanted = ref.toLowerCase();
  for await (const member of deps.admin.projectUsers.list(projectId)) {
    if (member.id === ref || (member.email ?? '').toLowerCase() === wanted) return member;
  }
  return undefined;
}

async function resolveMember<I extends { project: string; user: string }>(deps: OperationDeps, input: I) {
  const project = await resolveActiveProject(deps, input.project);
  const member = await findMember(deps, project.id, input.user);
  if (!member) throw new NotFoundError(`${input.user} is not a member of project ${project.name ?? project.id}.`);
  return {
    ...input,
    projectId: project.id,
    projectName: project.name ?? null,
    userId: member.id,
    email: member.email ?? null,
    currentRole: member.role,
  };
}

export const membersList = defineOperation({
  name: 'members.list',
  words: ['members', 'list'],
  summary: 'List the members of a project and their roles',
  args: [projectArg],
  input: z.object({ project: z.string().min(1) }),
  risk: 'read',
  describe: (input) => `List members of project ${input.project}`,
  async run(deps, input) {
    const project = await resolveProject(deps.admin, input.project);
    const items: ReplyItem[] = [];
    for await (const member of deps.admin.projectUsers.list(project.id)) items.push(memberItem(member));
    return {
      title: `${items.length} member${items.length === 1 ? '' : 's'} in project ${project.name ?? project.id}`,
      items,
      emptyText: 'No members.',
    };
  },
});

const addTyped = z.object({
  project: z.string().min(1),
  user: userRef,
  role: role.default('member'),
  for: grantDuration.optional(),
});

export const membersAdd = defineOperation({
  name: 'members.add',
  words: ['members', 'add'],
  summary: 'Add an organization member to a project (role defaults to member; --for makes it time-bound)',
  args: [
    projectArg,
    userArg,
    { name: 'role', kind: 'positional', placeholder: 'member|owner', optional: true, choices: ROLES },
    forFlag,
  ],
  input: addTyped,
  resolved: addTyped.extend(resolved),
  risk: 'write',
  async resolve(deps, input) {
    if (input.for !== undefined) grantsOf(deps).assertDuration(input.for);
    const project = await resolveActiveProject(deps, input.project);
    const user = await resolveUser(deps.admin, input.user);
    const existing = await findMember(deps, project.id, user.id);
    if (existing) {
      throw new UsageError(
        `${user.email ?? user.id} is already in project ${project.name ?? project.id} as ${existing.role}; ` +
          'use /openai members role to change it.',
      );
    }
    return {
      ...input,
      projectId: project.id,
      projectName: project.name ?? null,
      userId: user.id,
      email: user.email ?? null,
    };
  },
  describe: (input) =>
    `Add ${who(input)} to project ${where(input)} as ${input.role}${input.for ? ` for ${formatSpan(input.for)}` : ''}`,
  async run(deps, input, actor) {
    const projectId = input.projectId;
    const userId = input.userId;
    const grant =
      input.for === undefined
        ? undefined
        : {
            kind: 'project_member' as const,
            projectId,
            projectName: input.projectName,
            userId,
            email: input.email,
            role: input.role,
            durationMs: input.for,
            grantedBy: actor.userId,
            requestId: actor.requestId ?? null,
          };
    const { result, notes } = await withGrant(deps, grant, () =>
      deps.admin.projectUsers.add(projectId, { user_id: userId, role: input.role }),
    );
    const { data, requestId } = result;
    return { title: `Added ${data.email ?? who(input)} to project ${where(input)} as ${data.role}.`, notes, requestId };
  },
});

export const membersRole = defineOperation({
  name: 'members.role',
  words: ['members', 'role'],
  summary: 'Change the role of a project member',
  args: [projectArg, userArg, { name: 'role', kind: 'positional', placeholder: 'member|owner', choices: ROLES }],
  input: z.object({ project: z.string().min(1), user: userRef, role }),
  resolved: z.object({ project: z.string().min(1), user: userRef, role, ...resolvedMember }),
  risk: 'write',
  async resolve(deps, input) {
    const found = await resolveMember(deps, input);
    if (found.currentRole === input.role) {
      throw new UsageError(`${who(found)} is already ${input.role} of project ${where(found)}; nothing to change.`);
    }
    return found;
  },
  describe: (input) => `Make ${who(input)} ${input.role} of project ${where(input)} (now ${input.currentRole})`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.projectUsers.update(input.projectId, input.userId, {
      role: input.role,
    });
    return { title: `${data.email ?? who(input)} is now ${data.role} of project ${where(input)}.`, requestId };
  },
});

export const membersRemove = defineOperation({
  name: 'members.remove',
  words: ['members', 'remove'],
  summary: 'Remove someone from a project (they keep their organization membership)',
  args: [projectArg, userArg],
  input: z.object({ project: z.string().min(1), user: userRef }),
  resolved: z.object({ project: z.string().min(1), user: userRef, ...resolvedMember }),
  risk: 'destructive',
  resolve: resolveMember,
  describe: (input) => `Remove ${who(input)} (${input.userId}) from project ${where(input)}`,
  preview: async (_deps, input) => [
    `Project role now: ${input.currentRole}; after: no access to this project.`,
    'They stay in the organization and can be added back with /openai members add.',
  ],
  async run(deps, input) {
    const { requestId } = await deps.admin.projectUsers.delete(input.projectId, input.userId);
    return { title: `Removed ${who(input)} from project ${where(input)}.`, requestId };
  },
});
