import { z } from 'zod';
import { UsageError } from '../../errors.js';
import type { AdminApi } from '../admin-api/admin-api.js';
import type { Group } from '../admin-api/groups.js';
import type { OperationDeps } from '../ports.js';
import { formatDate, type ReplyItem } from '../reply.js';
import { groupLabel, resolveGroup } from '../resolve-group.js';
import { type ArgSpec, defineOperation } from './operation.js';

/** `<group>` as a positional argument: a group id or its exact name. */
export const groupArg: ArgSpec = {
  name: 'group',
  kind: 'positional',
  placeholder: '<group>',
  help: 'group id (group_…) or exact name',
};

/** A group as typed: its id or its exact name. */
export const groupFields = {
  group: z.string().trim().min(1),
};

/** Looked up by `resolve`: the group's id for the call and its name for the approval card and the reply. */
export const groupResolvedFields = {
  ...groupFields,
  groupId: z.string(),
  groupName: z.string(),
};

const groupName = z.string().trim().min(1, 'A group needs a name.').max(255, 'Group names are at most 255 characters.');

const SCIM_NOTE = 'It is managed by SCIM: your identity provider may change it back.';

/** Resolves `input.group` and fills `groupId` and `groupName`. */
export async function withGroup<I extends { group: string }>(
  deps: OperationDeps,
  input: I,
): Promise<I & { groupId: string; groupName: string }> {
  const group = await resolveGroup(deps.admin, input.group);
  return { ...input, groupId: group.id, groupName: group.name };
}

/** Groups are named in commands, so two groups with one name would make both ambiguous. */
async function assertNameFree(admin: AdminApi, name: string, exceptId?: string): Promise<void> {
  const wanted = name.trim().toLowerCase();
  for await (const group of admin.groups.list()) {
    if (group.id !== exceptId && group.name.trim().toLowerCase() === wanted) {
      throw new UsageError(
        `A group named "${group.name}" already exists (${group.id}); choose another name so commands can tell them apart.`,
      );
    }
  }
}

async function countMembers(deps: OperationDeps, groupId: string): Promise<number> {
  let count = 0;
  for await (const _member of deps.admin.groupUsers.list(groupId)) count += 1;
  return count;
}

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

const groupItem = (group: Group): ReplyItem => ({
  title: group.name,
  id: group.id,
  facts: [`created ${formatDate(group.created_at)}`, ...(group.is_scim_managed ? ['SCIM-managed'] : [])],
});

export const groupsList = defineOperation({
  name: 'groups.list',
  words: ['groups', 'list'],
  summary: 'List the groups of the organization',
  args: [],
  input: z.object({}),
  risk: 'read',
  describe: () => 'List groups',
  async run(deps) {
    const items: ReplyItem[] = [];
    for await (const group of deps.admin.groups.list()) items.push(groupItem(group));
    return {
      title: `${items.length} group${items.length === 1 ? '' : 's'}`,
      items,
      emptyText: 'No groups. /openai groups create <name> makes one.',
    };
  },
});

export const groupsShow = defineOperation({
  name: 'groups.show',
  words: ['groups', 'show'],
  summary: 'Show one group and how many people are in it',
  args: [groupArg],
  input: z.object({ group: groupFields.group }),
  risk: 'read',
  describe: (input) => `Show group ${input.group}`,
  async run(deps, input) {
    const group = await resolveGroup(deps.admin, input.group);
    const members = await countMembers(deps, group.id);
    return {
      title: `Group ${group.name}`,
      notes: [
        `Group id: ${group.id}`,
        `Members: ${members}`,
        `Created: ${formatDate(group.created_at)}`,
        ...(group.group_type && group.group_type !== 'group' ? [`Type: ${group.group_type}`] : []),
        ...(group.is_scim_managed ? [SCIM_NOTE] : []),
      ],
    };
  },
});

export const groupsCreate = defineOperation({
  name: 'groups.create',
  words: ['groups', 'create'],
  summary: 'Create a group (quote a name with spaces)',
  args: [{ name: 'name', kind: 'positional', placeholder: '<name>' }],
  input: z.object({ name: groupName }),
  risk: 'write',
  async resolve(deps, input) {
    await assertNameFree(deps.admin, input.name);
    return input;
  },
  describe: (input) => `Create group ${input.name}`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.groups.create({ name: input.name });
    return {
      title: `Created group ${data.name}.`,
      notes: [`Group id: ${data.id}`, 'Add people with /openai groups add.'],
      requestId,
    };
  },
});

export const groupsRename = defineOperation({
  name: 'groups.rename',
  words: ['groups', 'rename'],
  summary: 'Rename a group (quote names with spaces)',
  args: [groupArg, { name: 'new_name', kind: 'positional', placeholder: '<new name>' }],
  input: z.object({ ...groupFields, new_name: groupName }),
  resolved: z.object({ ...groupResolvedFields, new_name: groupName, scimManaged: z.boolean() }),
  risk: 'write',
  async resolve(deps, input) {
    const group = await resolveGroup(deps.admin, input.group);
    if (group.name === input.new_name) {
      throw new UsageError(`Group ${group.id} is already named "${input.new_name}"; nothing to change.`);
    }
    await assertNameFree(deps.admin, input.new_name, group.id);
    return { ...input, groupId: group.id, groupName: group.name, scimManaged: group.is_scim_managed === true };
  },
  describe: (input) => `Rename ${groupLabel(input)} to ${input.new_name}`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.groups.update(input.groupId, {
      name: input.new_name,
    });
    return {
      title: `Renamed group ${input.groupName} to ${data.name}.`,
      notes: [`Group id: ${data.id}`, ...(input.scimManaged ? [SCIM_NOTE] : [])],
      requestId,
    };
  },
});

export const groupsDelete = defineOperation({
  name: 'groups.delete',
  words: ['groups', 'delete'],
  summary: 'Delete a group (its members lose the roles and project access it gave them)',
  args: [groupArg],
  input: z.object(groupFields),
  resolved: z.object(groupResolvedFields),
  risk: 'destructive',
  resolve: withGroup,
  describe: (input) => `Delete ${groupLabel(input)}`,
  async preview(deps, input) {
    const members = await countMembers(deps, input.groupId);
    return [
      `Members now: ${people(members)}. They stay in the organization but lose the roles and project access given through the group.`,
      'This cannot be undone.',
    ];
  },
  async run(deps, input) {
    const { requestId } = await deps.admin.groups.delete(input.groupId);
    return { title: `Deleted group ${input.groupName}.`, requestId };
  },
});
