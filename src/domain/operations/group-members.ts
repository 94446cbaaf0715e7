import { z } from 'zod';
import { describeError } from '../../error-text.js';
import { AppError, NotFoundError, UsageError } from '../../errors.js';
import { resolveMember } from '../member-ref.js';
import type { OperationDeps } from '../ports.js';
import type { ReplyItem } from '../reply.js';
import { groupLabel, resolveGroup, unlessNotFound } from '../resolve-group.js';
import { groupArg, groupFields, groupResolvedFields, withGroup } from './groups.js';
import { defineOperation } from './operation.js';

/** Most people one `groups add` takes, so its report fits one reply. */
const MAX_PEOPLE = 50;

const userPlaceholder = '<email|user_id|@mention>';

const person = z.object({ ref: z.string(), userId: z.string(), email: z.string().nullish() });
type Person = z.output<typeof person>;

const shown = (p: { email?: string | null | undefined; userId?: string | undefined; ref?: string }) =>
  p.email ?? p.userId ?? p.ref ?? 'unknown';
const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/** Resolves every reference, reporting all the ones that name nobody at once. */
async function resolvePeople(deps: OperationDeps, refs: readonly string[]): Promise<Person[]> {
  const problems: string[] = [];
  const found = new Map<string, Person>();
  for (const ref of refs) {
    try {
      const user = await resolveMember(deps, ref);
      if (!found.has(user.id)) found.set(user.id, { ref, userId: user.id, email: user.email ?? null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new UsageError(`Nobody was added. ${problems.join(' ')}`);
  return [...found.values()];
}

export const groupsMembers = defineOperation({
  name: 'groups.members',
  words: ['groups', 'members'],
  summary: 'List the people in a group',
  args: [groupArg],
  input: z.object({ group: groupFields.group }),
  risk: 'read',
  describe: (input) => `List the members of group ${input.group}`,
  async run(deps, input) {
    const group = await resolveGroup(deps.admin, input.group);
    const items: ReplyItem[] = [];
    for await (const member of deps.admin.groupUsers.list(group.id)) {
      items.push({
        title: member.name ? `${member.name} <${member.email ?? 'no email'}>` : (member.email ?? member.id),
        id: member.id,
      });
    }
    return { title: `${people(items.length)} in group ${group.name}`, items, emptyText: 'Nobody is in this group.' };
  },
});

const addedUsers = z
  .array(z.string().trim().min(1), { error: 'Name at least one person to add.' })
  .min(1, 'Name at least one person to add.')
  .max(MAX_PEOPLE, `Add at most ${MAX_PEOPLE} people at once.`);

export const groupsAdd = defineOperation({
  name: 'groups.add',
  words: ['groups', 'add'],
  summary: 'Add organization members to a group (several at once; each is reported)',
  args: [
    groupArg,
    { name: 'users', kind: 'positional', placeholder: userPlaceholder, repeatable: true, input: 'user' },
  ],
  input: z.object({ ...groupFields, users: addedUsers }),
  /** `people`: whom to add; `alreadyIn`: those named who are in the group already. */
  resolved: z.object({
    ...groupResolvedFields,
    users: addedUsers,
    people: z.array(person),
    alreadyIn: z.array(person),
  }),
  risk: 'write',
  async resolve(deps, input) {
    const resolved = await withGroup(deps, input);
    const wanted = await resolvePeople(deps, input.users);
    const members = new Set<string>();
    for await (const member of deps.admin.groupUsers.list(resolved.groupId)) members.add(member.id);
    const alreadyIn = wanted.filter((p) => members.has(p.userId));
    if (alreadyIn.length === wanted.length) {
      const who = alreadyIn.map(shown).join(', ');
      throw new UsageError(
        `${who} ${alreadyIn.length === 1 ? 'is' : 'are'} already in ${groupLabel(resolved)}; nothing to add.`,
      );
    }
    return { ...resolved, people: wanted.filter((p) => !members.has(p.userId)), alreadyIn };
  },
  describe: (input) => `Add ${input.people.map(shown).join(', ') || input.users.join(', ')} to ${groupLabel(input)}`,
  async run(deps, input) {
    const groupId = input.groupId;
    const items: ReplyItem[] = [];
    let added = 0;
    for (const p of input.people ?? []) {
      try {
        await deps.admin.groupUsers.add(groupId, { user_id: p.userId });
        added += 1;
        items.push({ title: shown(p), id: p.userId, facts: ['added'] });
      } catch (error) {
        const text = describeError(error);
        const failure = `not added: ${text.message}${text.requestId ? ` (OpenAI request ${text.requestId})` : ''}`;
        items.push({ title: shown(p), id: p.userId, facts: [failure] });
      }
    }
    for (const p of input.alreadyIn) items.push({ title: shown(p), id: p.userId, facts: ['already in the group'] });
    const tried = input.people.length;
    const name = input.groupName;
    return {
      title:
        added === tried
          ? `Added ${people(added)} to group ${name}.`
          : `Added ${added} of ${people(tried)} to group ${name}; ${tried - added} could not be added.`,
      items,
    };
  },
});

export const groupsRemove = defineOperation({
  name: 'groups.remove',
  words: ['groups', 'remove'],
  summary: 'Remove someone from a group (they keep their organization membership)',
  args: [groupArg, { name: 'user', kind: 'positional', placeholder: userPlaceholder, input: 'user' }],
  input: z.object({ ...groupFields, user: z.string().trim().min(1) }),
  resolved: z.object({
    ...groupResolvedFields,
    user: z.string().trim().min(1),
    userId: z.string(),
    email: z.string().nullable(),
  }),
  risk: 'destructive',
  async resolve(deps, input) {
    const resolved = await withGroup(deps, input);
    const user = await resolveMember(deps, input.user);
    const member = await unlessNotFound(deps.admin.groupUsers.retrieve(resolved.groupId, user.id));
    if (!member) throw new NotFoundError(`${user.email ?? user.id} is not in ${groupLabel(resolved)}.`);
    return { ...resolved, userId: user.id, email: user.email ?? member.email ?? null };
  },
  describe: (input) => `Remove ${input.email ?? input.user} (${input.userId}) from ${groupLabel(input)}`,
  preview: async () => [
    'They stay in the organization but lose the roles and project access the group gives them.',
    'They can be added back with /openai groups add.',
  ],
  async run(deps, input) {
    const { requestId } = await deps.admin.groupUsers.remove(input.groupId, input.userId);
    return { title: `Removed ${input.email ?? input.user} from group ${input.groupName}.`, requestId };
  },
});
