import { z } from 'zod';
import { formatDate, type ReplyItem } from '../reply.js';
import { resolveProject } from '../resolve.js';
import { deliveryNotes, vaultFor } from '../secrets/secret-vault.js';
import { defineOperation } from './operation.js';
import { keysOfServiceAccount, resolveServiceAccount } from './project-credentials.js';
import { projectArg, projectResolvedFields, resolveActiveProject } from './scope.js';

const projectFields = { project: z.string().min(1) };
const resolvedProjectFields = { ...projectFields, ...projectResolvedFields };

const projectLabel = (input: { project: string; projectId: string; projectName: string | null }) =>
  `project ${input.projectName ?? input.project} (${input.projectId})`;

export const serviceAccountsList = defineOperation({
  name: 'service-accounts.list',
  words: ['service-accounts', 'list'],
  summary: 'List the service accounts of a project',
  args: [projectArg],
  input: z.object(projectFields),
  resolved: z.object(resolvedProjectFields),
  risk: 'read',
  async resolve(deps, input) {
    const project = await resolveProject(deps.admin, input.project);
    return { ...input, projectId: project.id, projectName: project.name ?? null };
  },
  describe: (input) => `List the service accounts of ${projectLabel(input)}`,
  async run(deps, input) {
    const items: ReplyItem[] = [];
    for await (const account of deps.admin.serviceAccounts.list(input.projectId)) {
      items.push({
        title: account.name ?? account.id,
        id: account.id,
        facts: [account.role ?? 'no role', `created ${formatDate(account.created_at)}`],
      });
    }
    return {
      title: `${items.length} service account${items.length === 1 ? '' : 's'} in ${input.projectName ?? input.project}`,
      items,
      emptyText: 'No service accounts.',
    };
  },
});

const createTyped = z.object({
  ...projectFields,
  name: z.string().trim().min(1, 'Give the service account a name.').max(200, 'That name is too long.'),
});

export const serviceAccountsCreate = defineOperation({
  name: 'service-accounts.create',
  words: ['service-accounts', 'create'],
  summary: 'Create a service account in a project; its API key is shown once, privately, to you',
  args: [projectArg, { name: 'name', kind: 'positional', placeholder: '<name>' }],
  input: createTyped,
  resolved: createTyped.extend(projectResolvedFields),
  risk: 'write',
  async resolve(deps, input) {
    const project = await resolveActiveProject(deps, input.project);
    return { ...input, projectId: project.id, projectName: project.name ?? null };
  },
  describe: (input) => `Create service account "${input.name}" with an API key in ${projectLabel(input)}`,
  async run(deps, input, actor) {
    const vault = vaultFor(deps, actor);
    const projectId = input.projectId;
    const { data, requestId } = await deps.admin.serviceAccounts.create(projectId, { name: input.name });
    const name = data.name ?? input.name;
    const notes = [`Service account id: ${data.id}`, `Project role: ${data.role ?? 'unknown'}`];
    if (data.api_key) {
      const receipt = await vault.deliver({
        ownerUserId: actor.userId,
        title: `API key ${data.api_key.id} of service account "${name}" in ${projectLabel(input)}`,
        value: data.api_key.value,
      });
      notes.push(
        `API key id: ${data.api_key.id}`,
        ...deliveryNotes(receipt, 'delete the service account and create it again'),
      );
    } else {
      notes.push('OpenAI returned no API key for it.');
    }
    return { title: `Created service account "${name}" in ${input.projectName ?? projectId}.`, notes, requestId };
  },
});

export const serviceAccountsDelete = defineOperation({
  name: 'service-accounts.delete',
  words: ['service-accounts', 'delete'],
  summary: 'Delete a service account of a project; its API keys stop working',
  args: [projectArg, { name: 'service_account', kind: 'positional', placeholder: '<service_account_id|name>' }],
  input: z.object({ ...projectFields, service_account: z.string().min(1) }),
  resolved: z.object({
    ...resolvedProjectFields,
    service_account: z.string().min(1),
    serviceAccountId: z.string(),
    serviceAccountName: z.string().nullable(),
  }),
  risk: 'destructive',
  async resolve(deps, input) {
    const project = await resolveActiveProject(deps, input.project);
    const account = await resolveServiceAccount(deps, project.id, input.service_account);
    return {
      ...input,
      projectId: project.id,
      projectName: project.name ?? null,
      serviceAccountId: account.id,
      serviceAccountName: account.name ?? null,
    };
  },
  describe: (input) =>
    `Delete service account "${input.serviceAccountName ?? input.service_account}" (${input.serviceAccountId}) of ${projectLabel(input)}`,
  async preview(deps, input) {
    const keys = await keysOfServiceAccount(deps, input.projectId, input.serviceAccountId);
    const listed = keys.map((k) => `${k.id} (${k.redacted_value ?? 'redacted'})`).join(', ');
    return [
      keys.length
        ? `Its API keys stop working at once: ${listed}.`
        : 'It has no API keys; anything signed in as it loses access.',
      'This cannot be undone.',
    ];
  },
  async run(deps, input) {
    const { requestId } = await deps.admin.serviceAccounts.delete(input.projectId, input.serviceAccountId);
    return {
      title: `Deleted service account "${input.serviceAccountName ?? input.service_account}" of ${input.projectName ?? input.project}; its API keys no longer work.`,
      requestId,
    };
  },
});
