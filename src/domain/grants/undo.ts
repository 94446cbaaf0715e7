import type { AdminApi } from '../admin-api/admin-api.js';
import { NotFoundApiError } from '../admin-api/errors.js';
import type { Grant } from './ports.js';

/** What an undo did: `ended` (access taken back) or `drifted` (changed by hand, left alone). */
export interface UndoResult {
  state: 'ended' | 'drifted';
  outcome: string;
  requestId?: string;
}

const absent = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotFoundApiError) return undefined;
    throw error;
  }
};

/**
 * Reads the target live and takes the access back only when it is still what the grant gave. An earlier attempt
 * of this same grant may have landed before its replica stopped, so on a later attempt finding the access already
 * gone means the undo is done, not that someone changed it by hand.
 */
export async function undoGrant(admin: AdminApi, grant: Grant): Promise<UndoResult> {
  const retried = grant.attempts > 1;
  if (grant.kind === 'project_member') {
    const projectId = grant.project_id as string;
    const member = await absent(async () => (await admin.projectUsers.retrieve(projectId, grant.user_id)).data);
    if (!member) {
      return retried && !grant.previous_role
        ? { state: 'ended', outcome: 'removed from the project' }
        : { state: 'drifted', outcome: 'they were no longer in the project.' };
    }
    const restore = grant.previous_role;
    if (member.role !== grant.granted_role) {
      if (retried && member.role === restore) return { state: 'ended', outcome: `project role back to ${restore}` };
      return { state: 'drifted', outcome: `their project role is now ${member.role}, not ${grant.granted_role}.` };
    }
    if (restore === 'member' || restore === 'owner') {
      const { requestId } = await admin.projectUsers.update(projectId, grant.user_id, { role: restore });
      return { state: 'ended', outcome: `project role back to ${restore}`, ...(requestId ? { requestId } : {}) };
    }
    const { requestId } = await admin.projectUsers.delete(projectId, grant.user_id);
    return { state: 'ended', outcome: 'removed from the project', ...(requestId ? { requestId } : {}) };
  }
  const previous = grant.previous_role ?? 'reader';
  const user = await absent(async () => (await admin.users.retrieve(grant.user_id)).data);
  if (!user) return { state: 'drifted', outcome: 'they are no longer in the organization.' };
  if (user.role !== grant.granted_role) {
    if (retried && user.role === previous) return { state: 'ended', outcome: `organization role back to ${previous}` };
    return {
      state: 'drifted',
      outcome: `their organization role is now ${user.role ?? 'none'}, not ${grant.granted_role}.`,
    };
  }
  const { requestId } = await admin.users.update(grant.user_id, { role: previous });
  return { state: 'ended', outcome: `organization role back to ${previous}`, ...(requestId ? { requestId } : {}) };
}
