import { z } from 'zod';
import { UsageError } from '../../errors.js';
import type { AdminApi } from '../admin-api/admin-api.js';
import { formatDate, type ReplyItem } from '../reply.js';
import { resolveProject } from '../resolve.js';
import { defineOperation } from './operation.js';
import { keyOwnerText, lastUsedText } from './project-credentials.js';
import { projectArg, projectResolvedFields } from './scope.js';

const projectFields = { project: z.string().min(1) };
const resolvedProjectFields = { ...projectFields, ...projectResolvedFields };
const keyArg = { name: 'key', kind: 'positional', placeholder: '<key_id>' } as const;
const keyId = z.string().min(1);

const withProject = async <I extends { project: string }>(admin: AdminApi, input: I) => {
  const project = await resolveProject(admin, input.project);
  return { ...input, projectId: project.id, projectName: project.name ?? null };
};

export const apiKeysList = defineOperation({
  name: 'api-keys.list',
  words: ['api-keys', 'list'],
  summary: 'List the API keys of a project with their owner and last use',
  args: [projectArg],
  input: z.object(projectFields),
  resolved: z.object(resolvedProjectFields),
  risk: 'read',
  resolve: (deps, input) => withProject(deps.admin, input),
  describe: (input) => `List the API keys of project ${input.projectName ?? input.project}`,
  async run(deps, input) {
    const items: ReplyItem[] = [];
    for await (const key of deps.admin.projectApiKeys.list(input.projectId, {
      ownerProjectAccess: 'any',
    })) {
      items.push({
        title: key.name ?? key.id,
        id: key.id,
        facts: [
          keyOwnerText(key),
          key.redacted_value ?? 'redacted',
          lastUsedText(key.last_used_at),
          ...(key.owner_project_access === 'inactive' ? ['owner no longer in the project'] : []),
        ],
      });
    }
    return {
      title: `${items.length} API key${items.length === 1 ? '' : 's'} in ${input.projectName ?? input.project}`,
      items,
      emptyText: 'No API keys.',
    };
  },
});

export const apiKeysShow = defineOperation({
  name: 'api-keys.show',
  words: ['api-keys', 'show'],
  summary: 'Show one API key of a project',
  args: [projectArg, keyArg],
  input: z.object({ ...projectFields, key: keyId }),
  resolved: z.object({ ...resolvedProjectFields, key: keyId }),
  risk: 'read',
  resolve: (deps, input) => withProject(deps.admin, input),
  describe: (input) => `Show API key ${input.key} of project ${input.projectName ?? input.project}`,
  async run(deps, input) {
    const { data: key } = await deps.admin.projectApiKeys.retrieve(input.projectId, input.key);
    return {
      title: key.name ?? key.id,
      notes: [
        `Key id: ${key.id}`,
        `Project: ${input.projectName ?? input.project} (${input.projectId})`,
        `Owner: ${keyOwnerText(key)}`,
        `Value: ${key.redacted_value ?? 'redacted'}`,
        `Created: ${formatDate(key.created_at)}`,
        `Last used: ${key.last_used_at ? formatDate(key.last_used_at) : 'never'}`,
        ...(key.owner_project_access ? [`Owner access to the project: ${key.owner_project_access}`] : []),
      ],
    };
  },
});

export const apiKeysDelete = defineOperation({
  name: 'api-keys.delete',
  words: ['api-keys', 'delete'],
  summary: "Delete a user's API key in a project (service-account keys go with their service account)",
  args: [projectArg, keyArg],
  input: z.object({ ...projectFields, key: keyId }),
  /** The key about to be deleted: its name, its owner and when it was last used. */
  resolved: z.object({
    ...resolvedProjectFields,
    key: keyId,
    keyName: z.string().nullable(),
    owner: z.string(),
    lastUsed: z.string(),
  }),
  risk: 'destructive',
  async resolve(deps, input) {
    const resolved = await withProject(deps.admin, input);
    const { data: key } = await deps.admin.projectApiKeys.retrieve(resolved.projectId, input.key);
    const account = key.owner?.service_account;
    if (key.owner?.type === 'service_account' || account) {
      const accountRef = account?.id ?? account?.name ?? 'its service account';
      throw new UsageError(
        `Key ${key.id} belongs to service account "${account?.name ?? accountRef}" (${account?.id ?? 'unknown id'}), and ` +
          'OpenAI refuses to delete a service account’s key. Delete the service account instead: ' +
          `/openai service-accounts delete ${resolved.projectId} ${accountRef}`,
      );
    }
    return {
      ...resolved,
      keyName: key.name ?? null,
      owner: keyOwnerText(key),
      lastUsed: lastUsedText(key.last_used_at),
    };
  },
  describe: (input) =>
    `Delete API key ${input.keyName ? `"${input.keyName}" ` : ''}(${input.key}) of ${input.owner} in project ${input.projectName ?? input.project}`,
  preview: async (_deps, input) => [
    `Key now: active, ${input.lastUsed}; after: deleted, and anything using it fails at once.`,
    'This cannot be undone: the owner must create a new key.',
  ],
  async run(deps, input) {
    const { requestId } = await deps.admin.projectApiKeys.delete(input.projectId, input.key);
    return { title: `Deleted API key ${input.key} of ${input.owner}.`, requestId };
  },
});
