import { NotFoundError, UsageError } from '../errors.js';
import type { AdminApi } from './admin-api/admin-api.js';
import { NotFoundApiError } from './admin-api/errors.js';
import type { Group } from './admin-api/groups.js';
import { echo } from './echo.js';

const looksLikeGroupId = (ref: string) => /^group_/.test(ref);

/** The answer of a retrieve call, or `undefined` when OpenAI says there is no such thing (404). */
export async function unlessNotFound<T>(call: Promise<{ data: T }>): Promise<T | undefined> {
  try {
    return (await call).data;
  } catch (error) {
    if (error instanceof NotFoundApiError) return undefined;
    throw error;
  }
}

/**
 * Finds a group by id (`group_…`, read with retrieve-group) or by exact, case-insensitive name. An id OpenAI does
 * not know is tried as a name too, so a group named like an id can still be found.
 */
export async function resolveGroup(admin: AdminApi, ref: string): Promise<Group> {
  const trimmed = ref.trim();
  if (looksLikeGroupId(trimmed)) {
    const found = await unlessNotFound(admin.groups.retrieve(trimmed));
    if (found) return found;
  }
  const wanted = trimmed.toLowerCase();
  const matches: Group[] = [];
  for await (const group of admin.groups.list()) {
    if (group.name.trim().toLowerCase() === wanted) matches.push(group);
  }
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length === 0) {
    throw new NotFoundError(
      `No group is named "${echo(trimmed)}". Use its id (group_…) or its exact name; /openai groups list shows them.`,
    );
  }
  throw new UsageError(
    `Several groups are named "${echo(trimmed)}": ${matches.map((g) => g.id).join(', ')}. Use the group id instead.`,
  );
}

/** `group Name (group_…)`, for replies and approval cards. */
export function groupLabel(input: {
  group: string;
  groupId?: string | undefined;
  groupName?: string | null | undefined;
}) {
  const id = input.groupId ?? input.group;
  return input.groupName ? `group ${input.groupName} (${id})` : `group ${id}`;
}
