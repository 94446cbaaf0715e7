import { NotFoundError, UsageError } from '../../errors.js';
import type { ProjectApiKey, ServiceAccount } from '../admin-api/projects.js';
import type { OperationDeps } from '../ports.js';
import { formatDate } from '../reply.js';

/** Who owns a project API key, in words: `alice@x.com` or `service account ci-bot`. */
export function keyOwnerText(key: ProjectApiKey): string {
  const owner = key.owner;
  if (owner?.type === 'service_account' || owner?.service_account) {
    const account = owner.service_account;
    return `service account ${account?.name ?? account?.id ?? 'unknown'}`;
  }
  return owner?.user?.email ?? owner?.user?.name ?? owner?.user?.id ?? 'unknown owner';
}

/** `last used 2026-01-02` or `never used`. */
export const lastUsedText = (at: number | null | undefined): string =>
  at ? `last used ${formatDate(at)}` : 'never used';

/** A project's service account by id (`svc_acct_…`) or exact, case-insensitive name. */
export async function resolveServiceAccount(
  deps: OperationDeps,
  projectId: string,
  ref: string,
): Promise<ServiceAccount> {
  if (/^svc_acct_/.test(ref)) return (await deps.admin.serviceAccounts.retrieve(projectId, ref)).data;
  const wanted = ref.trim().toLowerCase();
  const matches: ServiceAccount[] = [];
  for await (const account of deps.admin.serviceAccounts.list(projectId)) {
    if ((account.name ?? '').trim().toLowerCase() === wanted) matches.push(account);
  }
  const [only, ...others] = matches;
  if (!only) throw new NotFoundError(`No service account in this project is named "${ref}". Use its id (svc_acct_…).`);
  if (others.length > 0) {
    throw new UsageError(
      `Several service accounts are named "${ref}": ${matches.map((a) => a.id).join(', ')}. Use the id instead.`,
    );
  }
  return only;
}

/** The project API keys a service account owns (every enabled key, whatever its owner's access). */
export async function keysOfServiceAccount(
  deps: OperationDeps,
  projectId: string,
  serviceAccountId: string,
): Promise<ProjectApiKey[]> {
  const keys: ProjectApiKey[] = [];
  for await (const key of deps.admin.projectApiKeys.list(projectId, { ownerProjectAccess: 'any' })) {
    if (key.owner?.service_account?.id === serviceAccountId) keys.push(key);
  }
  return keys;
}
