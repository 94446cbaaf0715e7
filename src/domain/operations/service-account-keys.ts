import { z } from 'zod';
import { UsageError } from '../../errors.js';
import { deliveryNotes, vaultFor } from '../secrets/secret-vault.js';
import { defineOperation } from './operation.js';
import { resolveServiceAccount } from './project-credentials.js';
import { projectArg, projectResolvedFields, resolveActiveProject } from './scope.js';

const accountArg = {
  name: 'service_account',
  kind: 'positional',
  placeholder: '<service_account_id|name>',
} as const;

/** A service account as typed: its project and its id or name. */
const accountFields = {
  project: z.string().min(1),
  service_account: z.string().trim().min(1),
};

/** Looked up by `resolve`: ids for the call and names for replies. */
const resolvedAccountFields = {
  ...projectResolvedFields,
  serviceAccountId: z.string(),
  serviceAccountName: z.string().nullable(),
};
type AccountInput = z.output<z.ZodObject<typeof accountFields>>;
type AccountResolved = AccountInput & z.output<z.ZodObject<typeof resolvedAccountFields>>;

const accountLabel = (input: AccountResolved) =>
  `"${input.serviceAccountName ?? input.service_account}" (${input.serviceAccountId})`;
const projectLabel = (input: AccountResolved) => `project ${input.projectName ?? input.project} (${input.projectId})`;

async function resolveAccount<I extends AccountInput>(deps: Parameters<typeof resolveActiveProject>[0], input: I) {
  const project = await resolveActiveProject(deps, input.project);
  const account = await resolveServiceAccount(deps, project.id, input.service_account);
  return {
    ...input,
    projectId: project.id,
    projectName: project.name ?? null,
    serviceAccountId: account.id,
    serviceAccountName: account.name ?? null,
  };
}

const renameTyped = z.object({
  ...accountFields,
  new_name: z.string().trim().min(1, 'Give the new name.').max(200, 'That name is too long.'),
});

export const serviceAccountsRename = defineOperation({
  name: 'service-accounts.rename',
  words: ['service-accounts', 'rename'],
  summary: 'Rename a service account of a project (quote names with spaces)',
  args: [projectArg, accountArg, { name: 'new_name', kind: 'positional', placeholder: '<new name>' }],
  input: renameTyped,
  resolved: renameTyped.extend(resolvedAccountFields),
  risk: 'write',
  async resolve(deps, input) {
    const found = await resolveAccount(deps, input);
    if (found.serviceAccountName === input.new_name) {
      throw new UsageError(`Service account ${accountLabel(found)} already has that name; nothing to change.`);
    }
    return found;
  },
  describe: (input) => `Rename service account ${accountLabel(input)} of ${projectLabel(input)} to "${input.new_name}"`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.serviceAccounts.update(input.projectId, input.serviceAccountId, {
      name: input.new_name,
    });
    return {
      title: `Renamed service account ${accountLabel(input)} to "${data.name ?? input.new_name}" in ${input.projectName ?? input.project}.`,
      requestId,
    };
  },
});

const addKeyTyped = z.object({
  ...accountFields,
  name: z.string().trim().min(1).max(200, 'That name is too long.').optional(),
});

export const serviceAccountsAddKey = defineOperation({
  name: 'service-accounts.add-key',
  words: ['service-accounts', 'add-key'],
  summary: 'Create another API key for a service account; the key is shown once, privately, to you',
  args: [
    projectArg,
    accountArg,
    { name: 'name', kind: 'flag', placeholder: '<key name>', optional: true, help: 'a name for the new key' },
  ],
  input: addKeyTyped,
  resolved: addKeyTyped.extend(resolvedAccountFields),
  risk: 'write',
  resolve: (deps, input) => resolveAccount(deps, input),
  describe: (input) =>
    `Create an API key${input.name ? ` "${input.name}"` : ''} for service account ${accountLabel(input)} of ${projectLabel(input)}`,
  async run(deps, input, actor) {
    const vault = vaultFor(deps, actor);
    const { data, requestId } = await deps.admin.serviceAccounts.createKey(
      input.projectId,
      input.serviceAccountId,
      input.name ? { name: input.name } : {},
    );
    const receipt = await vault.deliver({
      ownerUserId: actor.userId,
      title: `API key ${data.id} of service account ${accountLabel(input)} in ${projectLabel(input)}`,
      value: data.value,
    });
    return {
      title: `Created API key ${data.id} for service account ${accountLabel(input)} in ${input.projectName ?? input.project}.`,
      notes: [
        `API key id: ${data.id}`,
        ...deliveryNotes(
          receipt,
          `add another with /openai service-accounts add-key; key ${data.id} stays valid until the service account is deleted`,
        ),
      ],
      requestId,
    };
  },
});
