import { z } from 'zod';
import { NotFoundError } from '../../errors.js';
import { emailForRef, emailOrMention } from '../member-ref.js';
import { formatDate } from '../reply.js';
import { resolveProject } from '../resolve.js';
import { defineOperation } from './operation.js';

const orgRole = z.enum(['reader', 'owner'], {
  error: (issue) => `"${String(issue.input)}" is not an organization role; use reader or owner.`,
});

const projectAssignment = z
  .string()
  .transform((value, ctx) => {
    const at = value.lastIndexOf(':');
    const ref = at > 0 ? value.slice(0, at) : value;
    const role = at > 0 ? value.slice(at + 1).toLowerCase() : 'member';
    if (role !== 'member' && role !== 'owner') {
      ctx.addIssue({
        code: 'custom',
        message: `"${role}" is not a project role in --project ${value}; use member or owner.`,
      });
      return z.NEVER;
    }
    return {
      ref,
      role: role as 'member' | 'owner',
      id: undefined as string | undefined,
      name: undefined as string | undefined,
    };
  })
  .or(
    z.object({
      ref: z.string(),
      role: z.enum(['member', 'owner']),
      id: z.string().optional(),
      name: z.string().optional(),
    }),
  );

export const inviteCreate = defineOperation({
  name: 'invites.create',
  words: ['invite'],
  aliases: [['invites', 'create']],
  summary: 'Invite someone to the organization, optionally straight into projects',
  args: [
    {
      name: 'email',
      kind: 'positional',
      placeholder: '<email>',
      help: 'an email address or a Slack @mention',
      input: 'email',
    },
    { name: 'role', kind: 'positional', placeholder: 'reader|owner', optional: true, choices: ['reader', 'owner'] },
    {
      name: 'project',
      kind: 'flag',
      placeholder: '<project_id|name>:<member|owner>',
      optional: true,
      repeatable: true,
      help: 'also add them to this project when they accept',
      input: 'project',
    },
  ],
  input: z.object({
    email: emailOrMention,
    role: orgRole.default('reader'),
    project: z.array(projectAssignment).default([]),
  }),
  risk: 'write',
  async resolve(deps, input) {
    const email = await emailForRef(deps, input.email);
    const project = [];
    for (const assignment of input.project) {
      const found = await resolveProject(deps.admin, assignment.id ?? assignment.ref);
      project.push({ ...assignment, id: found.id, name: found.name ?? found.id });
    }
    return { ...input, email, project };
  },
  describe: (input) =>
    `Invite ${input.email} to the organization as ${input.role}` +
    (input.project.length ? ` with ${input.project.map((p) => `${p.name ?? p.ref} (${p.role})`).join(', ')}` : ''),
  async run(deps, input) {
    const projects = input.project.map((p) => ({ id: p.id ?? p.ref, role: p.role }));
    const { data, requestId } = await deps.admin.invites.create({
      email: input.email,
      role: input.role,
      ...(projects.length ? { projects } : {}),
    });
    return {
      title: `Invited ${data.email} as ${data.role}.`,
      notes: [
        `Invite id: ${data.id}`,
        ...(input.project.length
          ? [`Projects on acceptance: ${input.project.map((p) => `${p.name ?? p.ref} as ${p.role}`).join(', ')}`]
          : []),
      ],
      requestId,
    };
  },
});

export const invitesList = defineOperation({
  name: 'invites.list',
  words: ['invites', 'list'],
  summary: 'List invitations and their status',
  args: [],
  input: z.object({}),
  risk: 'read',
  describe: () => 'List invitations',
  async run(deps) {
    const items = [];
    for await (const invite of deps.admin.invites.list()) {
      items.push({
        title: invite.email,
        id: invite.id,
        facts: [invite.role, invite.status, `sent ${formatDate(invite.created_at)}`],
      });
    }
    return { title: `${items.length} invitation${items.length === 1 ? '' : 's'}`, items, emptyText: 'No invitations.' };
  },
});

export const inviteCancel = defineOperation({
  name: 'invites.cancel',
  words: ['invites', 'cancel'],
  summary: 'Withdraw a pending invitation',
  args: [{ name: 'invite', kind: 'positional', placeholder: '<invite_id|email>' }],
  input: z.object({ invite: z.string().min(1) }),
  resolved: z.object({ invite: z.string().min(1), inviteId: z.string(), email: z.string() }),
  risk: 'destructive',
  async resolve(deps, input) {
    const ref = input.invite.toLowerCase();
    for await (const invite of deps.admin.invites.list()) {
      if (invite.id === input.invite || (invite.email.toLowerCase() === ref && invite.status === 'pending')) {
        return { ...input, inviteId: invite.id, email: invite.email };
      }
    }
    throw new NotFoundError(`No pending invitation matches "${input.invite}".`);
  },
  describe: (input) => `Cancel the invitation of ${input.email} (${input.inviteId})`,
  async run(deps, input) {
    const { requestId } = await deps.admin.invites.delete(input.inviteId);
    return { title: `Cancelled the invitation of ${input.email}.`, requestId };
  },
});
