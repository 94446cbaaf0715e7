import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { UserDirectory } from '../../domain/approvals/ports.js';
import type { GroupDirectory } from '../../domain/policy/policy.js';

interface Cached<T> {
  value: T;
  until: number;
}

/**
 * Slack people and user groups, cached briefly so a burst of clicks does not hit Slack's rate limits
 * and a change of group membership takes effect within `ttlMs`.
 */
export function createSlackDirectory(
  client: WebClient,
  logger: Logger,
  ttlMs = 60_000,
): UserDirectory & GroupDirectory {
  const groups = new Map<string, Cached<Promise<readonly string[]>>>();
  const emails = new Map<string, Cached<Promise<string | undefined>>>();
  const cached = <T>(map: Map<string, Cached<Promise<T>>>, key: string, load: () => Promise<T>): Promise<T> => {
    const hit = map.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = load();
    map.set(key, { value, until: Date.now() + ttlMs });
    value.catch(() => map.delete(key));
    return value;
  };
  return {
    // A group that cannot be read grants nothing: failing closed is the safe side for authorisation.
    membersOf: (groupId) =>
      cached(
        groups,
        groupId,
        async () => (await client.usergroups.users.list({ usergroup: groupId })).users ?? [],
      ).catch((error: unknown) => {
        logger.warn({ err: error, groupId }, 'could not read a Slack user group named in the policy');
        return [];
      }),
    emailOf: (userId) =>
      cached(emails, userId, async () => (await client.users.info({ user: userId })).user?.profile?.email ?? undefined),
  };
}
