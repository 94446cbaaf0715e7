import { z } from 'zod';
import { describeError } from '../../error-text.js';
import { UsageError } from '../../errors.js';
import { describeRequest, type WouldSend, WriteNotSent } from '../admin-api/errors.js';
import { mapWithLimit } from '../digests/limit-concurrency.js';
import { formatSpan, parseDuration } from '../grants/duration.js';
import { findStaleKeys, type StaleKey, staleKeyLine } from '../keys/stale-keys.js';
import type { OperationDeps } from '../ports.js';
import type { ReplyItem } from '../reply.js';
import { resolveProject } from '../resolve.js';
import { defineOperation } from './operation.js';
import { projectFlag } from './scope.js';

const NINETY_DAYS = 90 * 86_400_000;
/** Keys named one per line on an approval card; the rest are counted, so the card stays within Block Kit limits. */
const CARD_LINES = 20;

const unusedFlag = {
  name: 'unused',
  kind: 'flag',
  placeholder: '<duration>',
  optional: true,
  help: 'how long unused makes a key stale (default 90d)',
} as const;

const unused = z
  .union([z.number(), z.string()])
  .transform((value, ctx) => {
    const ms = typeof value === 'number' ? value : parseDuration(value);
    if (ms === undefined || ms < 86_400_000) {
      ctx.addIssue({ code: 'custom', message: `--unused ${value}: give at least a day, e.g. 30d, 12w or 90d.` });
      return z.NEVER;
    }
    return ms;
  })
  .default(NINETY_DAYS);

const filters = { unused, project: z.string().min(1).optional() };

async function staleKeys(deps: OperationDeps, input: { unused: number; project?: string | undefined }) {
  const project = input.project ? await resolveProject(deps.admin, input.project) : undefined;
  const keys = await findStaleKeys(deps, { unusedMs: input.unused, project, now: deps.now().getTime() });
  return { keys, scope: project ? `project ${project.name ?? project.id}` : 'the organization' };
}

const storedKey = z.object({
  kind: z.enum(['project', 'admin']),
  id: z.string(),
  name: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  owner: z.string(),
  reasons: z.array(z.string()),
});
type StoredKey = z.output<typeof storedKey>;

/** Whether the bot recognises its own admin key in the list, so it can never be among those revoked. */
async function knowsOwnKey(deps: OperationDeps): Promise<boolean> {
  if (!deps.botKey) return false;
  for await (const key of deps.admin.adminApiKeys.list()) if (deps.botKey.isBotKey(key.redacted_value)) return true;
  return false;
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export const keysStale = defineOperation({
  name: 'keys.stale',
  words: ['keys', 'stale'],
  summary: 'List stale keys: project keys unused for a while or whose owner left, and admin keys that never expire',
  args: [unusedFlag, projectFlag],
  input: z.object(filters),
  risk: 'read',
  slow: true,
  describe: (input) => `List keys unused for ${formatSpan(input.unused)}`,
  async run(deps, input) {
    const { keys, scope } = await staleKeys(deps, input);
    const items: ReplyItem[] = keys.map((key) => ({
      title: `${key.name} (${key.kind === 'admin' ? 'admin key' : `project ${key.projectName ?? key.projectId}`})`,
      id: key.id,
      facts: [key.owner, ...key.reasons, ...(key.revocable ? [] : ['service account key: delete its service account'])],
    }));
    const revocable = keys.filter((k) => k.revocable).length;
    return {
      title: `${count(keys.length, 'stale key')} in ${scope} (unused for ${formatSpan(input.unused)} or more, owner gone, or never expiring)`,
      items,
      notes: keys.length
        ? [`/openai keys revoke-stale with the same options files ${count(revocable, 'key')} for approval.`]
        : [],
      emptyText: 'No stale keys.',
    };
  },
});

export const keysRevokeStale = defineOperation({
  name: 'keys.revoke-stale',
  words: ['keys', 'revoke-stale'],
  summary: 'Revoke every stale key keys stale lists, in one approval; each key is deleted once',
  args: [unusedFlag, projectFlag],
  input: z.object(filters),
  /** The stale keys found when the request was filed (the ones an approval deletes), and where they were looked for. */
  resolved: z.object({ ...filters, keys: z.array(storedKey), scope: z.string() }),
  risk: 'destructive',
  async resolve(deps, input) {
    const { keys, scope } = await staleKeys(deps, input);
    const revocable: StoredKey[] = keys.filter((key: StaleKey) => key.revocable).map(({ revocable: _, ...key }) => key);
    if (revocable.length === 0) throw new UsageError(`No stale keys to revoke in ${scope}; nothing was filed.`);
    if (revocable.some((key) => key.kind === 'admin') && !(await knowsOwnKey(deps))) {
      throw new UsageError(
        'The bot cannot tell which admin key it runs with, so it revokes no admin keys; add --project to revoke ' +
          'project keys only.',
      );
    }
    return { ...input, keys: revocable, scope };
  },
  describe: (input) => {
    const keys = input.keys;
    const admin = keys.filter((k) => k.kind === 'admin').length;
    const projects = new Set(keys.filter((k) => k.projectId).map((k) => k.projectId)).size;
    return `Revoke ${count(keys.length, 'stale key')} in ${input.scope}: ${count(keys.length - admin, 'project key')} in ${count(projects, 'project')}, ${count(admin, 'admin key')}`;
  },
  preview: async (_deps, input) => {
    const keys = input.keys;
    const shown = keys.slice(0, CARD_LINES).map((key) => `• ${staleKeyLine(key).slice(0, 110)}`);
    const rest = keys.length - shown.length;
    return [
      ...shown,
      ...(rest > 0 ? [`…and ${count(rest, 'more key')}; /openai keys stale lists them all.`] : []),
      'Applications using these keys stop working; deleted keys cannot be restored.',
    ];
  },
  async run(deps, input) {
    const keys = input.keys;
    const failures: string[] = [];
    const held: WouldSend[] = [];
    let deleted = 0;
    await mapWithLimit(keys, 4, async (key) => {
      try {
        if (key.kind === 'admin') await deps.admin.adminApiKeys.delete(key.id);
        else await deps.admin.projectApiKeys.delete(key.projectId as string, key.id);
        deleted += 1;
      } catch (error) {
        // A dry run holds back every delete; each is listed as it would have been sent.
        if (error instanceof WriteNotSent) return void held.push(error.request);
        const text = describeError(error);
        failures.push(
          `${key.id} "${key.name}": ${text.message}${text.requestId ? ` (OpenAI request ${text.requestId})` : ''}`,
        );
      }
    });
    if (held.length > 0) {
      return {
        title: `dry run: would revoke ${count(held.length, 'stale key')}; nothing was changed.`,
        notes: held.map((request) => `would ${describeRequest(request)}`),
        dryRun: held,
      };
    }
    const title = `Revoked ${deleted} of ${count(keys.length, 'stale key')}.`;
    if (failures.length === 0) return { title };
    return { title: `${title} ${count(failures.length, 'key')} could not be deleted:`, notes: failures.slice(0, 50) };
  },
});
