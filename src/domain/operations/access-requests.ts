import { z } from 'zod';
import { NotFoundError, UsageError } from '../../errors.js';
import { NotFoundApiError } from '../admin-api/errors.js';
import type { ProjectUser } from '../admin-api/projects.js';
import { forFlag, formatSpan, grantDuration } from '../grants/duration.js';
import { grantsOf, withGrant } from '../grants/with-grant.js';
import type { OperationDeps } from '../ports.js';
import { findUserByEmail } from '../resolve.js';
import { defineOperation } from './operation.js';
import { projectArg, projectResolvedFields, resolveActiveProject } from './scope.js';

const role = z.enum(['member', 'owner'], {
  error: (issue) => `"${String(issue.input)}" is not a project role; use member or owner.`,
});

/** The requester's current membership of the project, read live. */
async function membershipOf(deps: OperationDeps, projectId: string, userId: string): Promise<ProjectUser | undefined> {
  try {
    return (await deps.admin.projectUsers.retrieve(projectId, userId)).data;
  } catch (error) {
    if (error instanceof NotFoundApiError) return undefined;
    throw error;
  }
}

/** Whether a membership already gives what is asked (an owner has everything a member has). */
const covers = (current: string | null | undefined, wanted: string) => current === wanted || current === 'owner';

const where = (input: { projectName: string | null; project: string }) => input.projectName ?? input.project;

const requestTyped = z.object({
  project: z.string().min(1),
  role: role.default('member'),
  for: grantDuration,
});

export const accessRequest = defineOperation({
  name: 'access.request',
  words: ['access', 'request'],
  summary: 'Ask for time-bound access to a project for yourself (any member; always approved by someone else)',
  args: [
    projectArg,
    { name: 'role', kind: 'positional', placeholder: 'member|owner', optional: true, choices: ['member', 'owner'] },
    { ...forFlag, optional: false, help: 'how long you need it (e.g. 8h, 3d); it is taken back at expiry' },
  ],
  input: requestTyped,
  /** Who asks (their OpenAI user and chat id), their project role now, and where the approval card goes. */
  resolved: requestTyped.extend({
    ...projectResolvedFields,
    userId: z.string(),
    email: z.string(),
    currentRole: z.string().nullable(),
    requesterChatId: z.string(),
    /** Where the approval card goes when the policy routes this project or role elsewhere. */
    approval_channel: z.string().nullable(),
  }),
  risk: 'destructive',
  audience: 'everyone',
  async resolve(deps, input, actor) {
    if (actor.source !== 'slack') throw new UsageError('Access is requested from Slack, by the person who needs it.');
    const grants = grantsOf(deps);
    const email = (await deps.directory?.emailOf(actor.userId).catch(() => undefined))?.toLowerCase();
    if (!email) {
      throw new UsageError(
        'Slack shows no email address for you, so your OpenAI account cannot be found; ask an admin for an invite.',
      );
    }
    const user = await findUserByEmail(deps.admin, email);
    if (!user) {
      throw new NotFoundError(
        `No member of the OpenAI organization has your Slack email ${email}; ask an admin for an invite ` +
          `(/openai invite ${email}), then request access again.`,
      );
    }
    const project = await resolveActiveProject(deps, input.project);
    const current = await membershipOf(deps, project.id, user.id);
    if (covers(current?.role, input.role)) {
      throw new UsageError(
        `You already have ${current?.role} access to project ${project.name ?? project.id}; nothing was filed.`,
      );
    }
    const rule = grants.accessRule(project, input.role);
    grants.assertDuration(input.for, rule.max_duration);
    return {
      ...input,
      projectId: project.id,
      projectName: project.name ?? null,
      userId: user.id,
      email: user.email ?? email,
      currentRole: current?.role ?? null,
      requesterChatId: actor.userId,
      approval_channel: rule.channel ?? null,
    };
  },
  async route(deps, input) {
    const rule = grantsOf(deps).accessRule({ id: input.projectId, name: input.projectName }, input.role);
    return {
      ...(rule.approver_role ? { approverRole: rule.approver_role } : {}),
      ...(rule.approvals ? { approvals: rule.approvals } : {}),
    };
  },
  describe: (input) =>
    `Give ${input.email} ${input.role} access to project ${where(input)} for ${formatSpan(input.for)}, as they asked for themselves`,
  preview: async (_deps, input) => [
    `Project role now: ${input.currentRole ?? 'no access'}; after: ${input.role} until ${formatSpan(input.for)} after approval, then back to ${input.currentRole ?? 'no access'} automatically.`,
  ],
  async run(deps, input, actor) {
    const projectId = input.projectId;
    const userId = input.userId;
    // Read again at approval time: access may have been given by other means while the request waited.
    const current = await membershipOf(deps, projectId, userId);
    if (covers(current?.role, input.role)) {
      return {
        title: `${input.email ?? userId} already has ${current?.role} access to project ${where(input)}; nothing changed.`,
      };
    }
    const spec = {
      kind: 'project_member' as const,
      projectId,
      projectName: input.projectName,
      userId,
      email: input.email,
      role: input.role,
      previousRole: current?.role ?? null,
      durationMs: input.for,
      grantedBy: actor.userId,
      granteeChatId: input.requesterChatId,
      requestId: actor.requestId ?? null,
    };
    const { result, notes } = await withGrant(deps, spec, () =>
      current
        ? deps.admin.projectUsers.update(projectId, userId, { role: input.role })
        : deps.admin.projectUsers.add(projectId, { user_id: userId, role: input.role }),
    );
    return {
      title: `${result.data.email ?? input.email ?? userId} now has ${result.data.role} access to project ${where(input)}.`,
      notes,
      requestId: result.requestId,
    };
  },
});
