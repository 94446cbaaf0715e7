import { z } from 'zod';
import { UsageError } from '../../errors.js';
import type { OrganizationUser } from '../admin-api/organization.js';
import { forFlag, formatSpan, grantDuration } from '../grants/duration.js';
import { grantsOf, withGrant } from '../grants/with-grant.js';
import { mentionedUserId, resolveMember } from '../member-ref.js';
import { formatDate, type ReplyItem } from '../reply.js';
import { defineOperation } from './operation.js';

const userItem = (user: OrganizationUser): ReplyItem => ({
  title: user.name ? `${user.name} <${user.email ?? 'no email'}>` : (user.email ?? user.id),
  id: user.id,
  facts: [user.role ?? 'no role', `added ${formatDate(user.added_at)}`],
});

export const usersList = defineOperation({
  name: 'users.list',
  words: ['users', 'list'],
  summary: 'List the members of the organization',
  args: [{ name: 'email', kind: 'flag', placeholder: '<email>', optional: true, repeatable: true }],
  input: z.object({
    email: z
      .array(z.email({ error: (issue) => `"${String(issue.input)}" is not a valid email address.` }))
      .default([])
      .transform((list) => list.map((e) => e.toLowerCase())),
  }),
  risk: 'read',
  slow: true,
  describe: (input) => (input.email.length ? `List members with email ${input.email.join(', ')}` : 'List members'),
  async run(deps, input) {
    const items: ReplyItem[] = [];
    for await (const user of deps.admin.users.list(input.email.length ? { emails: input.email } : {})) {
      // Only rows that match: a server that ignored the filter must not make the list name other people.
      if (input.email.length && !input.email.includes((user.email ?? '').toLowerCase())) continue;
      items.push(userItem(user));
    }
    return {
      title: `${items.length} member${items.length === 1 ? '' : 's'}`,
      items,
      emptyText: input.email.length ? `No member has the email ${input.email.join(', ')}.` : 'No members.',
    };
  },
});

export const usersShow = defineOperation({
  name: 'users.show',
  words: ['users', 'show'],
  summary: 'Show one member of the organization',
  args: [{ name: 'user', kind: 'positional', placeholder: '<email|user_id|@mention>', input: 'user' }],
  input: z.object({ user: z.string().min(1) }),
  risk: 'read',
  describe: (input) => `Show ${input.user}`,
  async run(deps, input) {
    const user = await resolveMember(deps, input.user);
    const item = userItem(user);
    return {
      title: item.title,
      notes: [`User id: ${user.id}`, `Role: ${user.role ?? 'none'}`, `Added: ${formatDate(user.added_at)}`],
    };
  },
});

export const usersRemove = defineOperation({
  name: 'users.remove',
  words: ['users', 'remove'],
  summary: 'Remove someone from the organization (they lose access to every project)',
  args: [{ name: 'user', kind: 'positional', placeholder: '<email|user_id|@mention>', input: 'user' }],
  input: z.object({ user: z.string().min(1) }),
  /** The member about to be removed, and their organization role now. */
  resolved: z.object({
    user: z.string().min(1),
    userId: z.string(),
    email: z.string().nullable(),
    name: z.string().nullable(),
    role: z.string().nullable(),
  }),
  risk: 'destructive',
  async resolve(deps, input) {
    const user = await resolveMember(deps, input.user);
    return { ...input, userId: user.id, email: user.email ?? null, name: user.name ?? null, role: user.role ?? null };
  },
  describe: (input) =>
    `Remove ${input.name ? `${input.name} ` : ''}${input.email ?? input.user} (${input.userId}) from the organization`,
  preview: async (_deps, input) => [
    `Organization role now: ${input.role ?? 'unknown'}; after: no access to the organization or any of its projects.`,
    'Undoing this needs a new invitation.',
  ],
  async run(deps, input) {
    const { requestId } = await deps.admin.users.delete(input.userId);
    return { title: `Removed ${input.email ?? input.user} from the organization.`, requestId };
  },
});

const orgRole = z.enum(['reader', 'owner'], {
  error: (issue) => `"${String(issue.input)}" is not an organization role; use reader or owner.`,
});

const roleTyped = z.object({
  user: z.string().min(1),
  role: z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), orgRole),
  for: grantDuration.optional(),
});

export const usersRole = defineOperation({
  name: 'users.role',
  words: ['users', 'role'],
  summary: "Change someone's organization role (reader or owner; --for makes owner time-bound)",
  args: [
    { name: 'user', kind: 'positional', placeholder: '<email|user_id|@mention>', input: 'user' },
    { name: 'role', kind: 'positional', placeholder: 'reader|owner', choices: ['reader', 'owner'] },
    forFlag,
  ],
  input: roleTyped,
  resolved: roleTyped.extend({ userId: z.string(), email: z.string().nullable(), currentRole: z.string().nullable() }),
  risk: 'write',
  async resolve(deps, input) {
    if (input.for !== undefined) {
      if (input.role !== 'owner') throw new UsageError('--for applies to owner only: the owner role is what expires.');
      grantsOf(deps).assertDuration(input.for);
    }
    const user = await resolveMember(deps, input.user);
    if (user.role === input.role) throw new UsageError(`${user.email ?? user.id} is already ${input.role}.`);
    return { ...input, userId: user.id, email: user.email ?? null, currentRole: user.role ?? null };
  },
  describe: (input) =>
    `Change the organization role of ${input.email ?? input.user} (${input.userId}) from ${input.currentRole ?? 'unknown'} to ${input.role}${input.for ? ` for ${formatSpan(input.for)}` : ''}`,
  async run(deps, input, actor) {
    const userId = input.userId;
    let grant: Parameters<typeof withGrant>[1];
    if (input.for !== undefined) {
      // The role to restore is read now, not when the command was typed or approved.
      const { data: live } = await deps.admin.users.retrieve(userId);
      if (live.role === input.role) throw new UsageError(`${live.email ?? live.id} is already ${input.role}.`);
      grant = {
        kind: 'org_owner',
        userId,
        email: live.email ?? input.email ?? null,
        role: input.role,
        previousRole: live.role ?? 'reader',
        durationMs: input.for,
        grantedBy: actor.userId,
        requestId: actor.requestId ?? null,
        granteeChatId: mentionedUserId(input.user) ?? null,
      };
    }
    const { result, notes } = await withGrant(deps, grant, () => deps.admin.users.update(userId, { role: input.role }));
    const { data, requestId } = result;
    return {
      title: `${data.email ?? data.id} is now ${data.role ?? input.role} of the organization.`,
      notes,
      requestId,
    };
  },
});
