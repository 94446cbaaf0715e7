import type { Project } from '../admin-api/projects.js';
import { keyOwnerText } from '../operations/project-credentials.js';
import type { OperationDeps } from '../ports.js';
import { formatDate } from '../reply.js';

/** One key found stale, with why; `revocable` ones are what `keys revoke-stale` deletes. */
export interface StaleKey {
  kind: 'project' | 'admin';
  id: string;
  name: string;
  projectId: string | null;
  projectName: string | null;
  owner: string;
  reasons: string[];
  /** False for service-account keys, which only go with their service account. */
  revocable: boolean;
}

export interface StaleKeyQuery {
  /** A key unused for at least this long (never used: since its creation) is stale. */
  unusedMs: number;
  /** Only this project's keys (and no admin keys); every active project when absent. */
  project?: Project | undefined;
  now: number;
}

/** `never used (created 2026-01-02)` or `unused since 2026-01-02`, when the key is stale by use. */
function unusedReason(lastUsed: number | null | undefined, created: number | null | undefined, cutoff: number) {
  const since = lastUsed ?? created ?? 0;
  if (since * 1000 > cutoff) return undefined;
  return lastUsed ? `unused since ${formatDate(lastUsed)}` : `never used (created ${formatDate(created)})`;
}

/**
 * Project API keys unused for the duration (never-used keys counted from creation) or whose owner has left the
 * organization, and (organization-wide only) admin keys that never expire. The bot's own admin key is never listed.
 */
export async function findStaleKeys(deps: OperationDeps, query: StaleKeyQuery): Promise<StaleKey[]> {
  const cutoff = query.now - query.unusedMs;
  const members = new Set<string>();
  for await (const user of deps.admin.users.list()) members.add(user.id);
  const projects: Project[] = [];
  if (query.project) projects.push(query.project);
  else for await (const project of deps.admin.projects.list()) projects.push(project);
  const stale: StaleKey[] = [];
  for (const project of projects) {
    for await (const key of deps.admin.projectApiKeys.list(project.id, { ownerProjectAccess: 'any' })) {
      const userId = key.owner?.user?.id;
      const reasons = [
        unusedReason(key.last_used_at, key.created_at, cutoff),
        userId && !members.has(userId) ? 'owner left the organization' : undefined,
      ].filter((r): r is string => r !== undefined);
      if (reasons.length === 0) continue;
      const serviceAccount = key.owner?.type === 'service_account' || !!key.owner?.service_account;
      stale.push({
        kind: 'project',
        id: key.id,
        name: key.name ?? key.id,
        projectId: project.id,
        projectName: project.name ?? null,
        owner: keyOwnerText(key),
        reasons,
        revocable: !serviceAccount,
      });
    }
  }
  if (!query.project) {
    for await (const key of deps.admin.adminApiKeys.list()) {
      if (key.expires_at || deps.botKey?.isBotKey(key.redacted_value)) continue;
      const unused = unusedReason(key.last_used_at, key.created_at, cutoff);
      stale.push({
        kind: 'admin',
        id: key.id,
        name: key.name ?? key.id,
        projectId: null,
        projectName: null,
        owner: key.owner?.name ?? key.owner?.id ?? 'unknown owner',
        reasons: ['admin key without expiry', ...(unused ? [unused] : [])],
        revocable: true,
      });
    }
  }
  return stale;
}

/** `key_1 "ci" in project Alpha (alice@x.com): never used (created 2026-01-02)` */
export function staleKeyLine(
  key: Pick<StaleKey, 'id' | 'name' | 'kind' | 'projectName' | 'projectId' | 'owner' | 'reasons'>,
) {
  const where = key.kind === 'admin' ? 'admin key' : `in project ${key.projectName ?? key.projectId}`;
  return `${key.id} "${key.name}" ${where} (${key.owner}): ${key.reasons.join('; ')}`;
}
