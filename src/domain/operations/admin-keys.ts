import { z } from 'zod';
import { UsageError } from '../../errors.js';
import type { AdminApiKey } from '../admin-api/organization.js';
import type { OperationDeps } from '../ports.js';
import { formatDate, type ReplyItem } from '../reply.js';
import { deliveryNotes, vaultFor } from '../secrets/secret-vault.js';
import { defineOperation } from './operation.js';
import { lastUsedText } from './project-credentials.js';

const MAX_EXPIRY_SECONDS = 31_536_000;
const UNIT_SECONDS: Record<string, number> = { h: 3_600, d: 86_400, w: 604_800 };

/**
 * `90d`, `12h` or `8w` as seconds, within what the API allows (1 hour … 365 days); a whole number is seconds
 * already (a stored request's input).
 */
const expiresIn = z.union([z.string(), z.int()]).transform((value, ctx) => {
  const match = typeof value === 'string' ? /^(\d{1,6})\s*([hdw])$/i.exec(value.trim()) : null;
  const seconds =
    typeof value === 'number'
      ? value
      : match
        ? Number(match[1]) * (UNIT_SECONDS[(match[2] ?? '').toLowerCase()] ?? 0)
        : 0;
  if (seconds < 3_600 || seconds > MAX_EXPIRY_SECONDS) {
    ctx.addIssue({
      code: 'custom',
      message:
        match || typeof value === 'number'
          ? `--expires-in ${value} is out of range; keys may last from 1h up to 365d.`
          : `"${value}" is not a duration; use a number of hours, days or weeks such as 12h, 90d or 8w.`,
    });
    return z.NEVER;
  }
  return seconds;
});

const lifetimeText = (seconds: number | undefined) =>
  seconds === undefined
    ? 'that never expires'
    : seconds % 86_400 === 0
      ? `that expires after ${seconds / 86_400} days`
      : `that expires after ${seconds / 3_600} hours`;

/**
 * The admin key this bot runs with, recognised by matching its redacted form in the list. Refuses when it
 * cannot tell, because deleting the wrong key would lock the bot out.
 */
async function botKeyIds(deps: OperationDeps): Promise<Set<string>> {
  const check = deps.botKey;
  const ids = new Set<string>();
  if (check) {
    for await (const key of deps.admin.adminApiKeys.list()) if (check.isBotKey(key.redacted_value)) ids.add(key.id);
  }
  if (ids.size === 0) {
    throw new UsageError(
      'The bot cannot tell which admin key it runs with, so it deletes no admin keys; delete it in the OpenAI dashboard.',
    );
  }
  return ids;
}

async function refuseOwnKey(deps: OperationDeps, keyId: string): Promise<void> {
  if ((await botKeyIds(deps)).has(keyId)) {
    throw new UsageError(
      `${keyId} is the admin key this bot runs with; deleting it would lock the bot out. To rotate it, create a ` +
        'new key, give the bot that key (OPENAI_ADMIN_KEY) and restart it, then delete the old one.',
    );
  }
}

const keyItem = (key: AdminApiKey, own: boolean): ReplyItem => ({
  title: `${key.name ?? key.id}${own ? ' (this bot)' : ''}`,
  id: key.id,
  facts: [
    key.redacted_value ?? 'redacted',
    `created ${formatDate(key.created_at)}`,
    key.expires_at ? `expires ${formatDate(key.expires_at)}` : 'never expires',
    lastUsedText(key.last_used_at),
    ...(key.owner?.name ? [`owner ${key.owner.name}`] : []),
  ],
});

export const adminKeysList = defineOperation({
  name: 'admin-keys.list',
  words: ['admin-keys', 'list'],
  summary: 'List the admin API keys of the organization',
  args: [],
  input: z.object({}),
  risk: 'read',
  describe: () => 'List admin API keys',
  async run(deps) {
    const items: ReplyItem[] = [];
    for await (const key of deps.admin.adminApiKeys.list()) {
      items.push(keyItem(key, deps.botKey?.isBotKey(key.redacted_value) ?? false));
    }
    return { title: `${items.length} admin key${items.length === 1 ? '' : 's'}`, items, emptyText: 'No admin keys.' };
  },
});

export const adminKeysCreate = defineOperation({
  name: 'admin-keys.create',
  words: ['admin-keys', 'create'],
  summary: 'Create an admin API key (full control of the organization); shown once, privately, to you',
  args: [
    { name: 'name', kind: 'positional', placeholder: '<name>' },
    { name: 'expires_in', kind: 'flag', placeholder: '<90d|12h|8w>', optional: true, help: 'default: never' },
  ],
  input: z.object({
    name: z.string().trim().min(1, 'Give the key a name.').max(200, 'That name is too long.'),
    expires_in: expiresIn.optional(),
  }),
  // Not destructive, but an admin credential is the riskiest thing the bot can make, so it waits for approval.
  risk: 'destructive',
  describe: (input) => `Create admin key "${input.name}" ${lifetimeText(input.expires_in)}`,
  preview: async () => [
    'Whoever holds it has full administrative control of the organization, as this bot does.',
    'Its value will be shown once, privately, to the requester; never in a channel, the card or the audit trail.',
  ],
  async run(deps, input, actor) {
    const vault = vaultFor(deps, actor);
    const { data, requestId } = await deps.admin.adminApiKeys.create({
      name: input.name,
      ...(input.expires_in === undefined ? {} : { expires_in_seconds: input.expires_in }),
    });
    const receipt = await vault.deliver({
      ownerUserId: actor.userId,
      title: `Admin key "${data.name ?? input.name}" (${data.id})`,
      value: data.value,
    });
    return {
      title: `Created admin key "${data.name ?? input.name}" (${data.id}).`,
      notes: [
        `Redacted value: ${data.redacted_value ?? 'not shown'}`,
        data.expires_at ? `Expires ${formatDate(data.expires_at)}.` : 'It never expires.',
        ...deliveryNotes(receipt, `delete it with /openai admin-keys delete ${data.id} and create another`),
      ],
      requestId,
    };
  },
});

export const adminKeysDelete = defineOperation({
  name: 'admin-keys.delete',
  words: ['admin-keys', 'delete'],
  summary: 'Delete an admin API key (anything using it stops working); never the key this bot runs with',
  args: [{ name: 'key', kind: 'positional', placeholder: '<key_id>' }],
  input: z.object({ key: z.string().min(1) }),
  /** The key about to be deleted, for the approval card. */
  resolved: z.object({
    key: z.string().min(1),
    keyName: z.string().nullable(),
    redacted: z.string().nullable(),
    lastUsed: z.string(),
  }),
  risk: 'destructive',
  async resolve(deps, input) {
    const { data: key } = await deps.admin.adminApiKeys.retrieve(input.key);
    await refuseOwnKey(deps, key.id);
    return {
      ...input,
      key: key.id,
      keyName: key.name ?? null,
      redacted: key.redacted_value ?? null,
      lastUsed: lastUsedText(key.last_used_at),
    };
  },
  describe: (input) =>
    `Delete admin key ${input.keyName ? `"${input.keyName}" ` : ''}(${input.key}${input.redacted ? `, ${input.redacted}` : ''})`,
  preview: async (_deps, input) => [
    `Key now: active, ${input.lastUsed}; after: deleted, and anything using it fails at once.`,
    'This cannot be undone.',
  ],
  async run(deps, input) {
    // Checked again: the bot may have been given another key since the request was filed.
    await refuseOwnKey(deps, input.key);
    const { requestId } = await deps.admin.adminApiKeys.delete(input.key);
    return { title: `Deleted admin key ${input.keyName ? `"${input.keyName}" ` : ''}(${input.key}).`, requestId };
  },
});
