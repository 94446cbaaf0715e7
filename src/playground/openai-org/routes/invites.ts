import { z } from 'zod';
import { parseBody } from '../body.js';
import { idCursorPage } from '../pagination.js';
import type { Router } from '../router.js';
import { inviteView } from '../views/org-views.js';
import { orgRole, projectRole } from './shared.js';

const createInviteBody = z.strictObject({
  email: z.email(),
  role: orgRole,
  projects: z.array(z.strictObject({ id: z.string().min(1), role: projectRole })).optional(),
});

/** `/organization/invites`: list, create (409 when a pending invite exists), retrieve, delete (400 once accepted). */
export function registerInviteRoutes(router: Router): void {
  router.get('/organization/invites', ({ state, query }) =>
    idCursorPage(
      [...state.invites.values()],
      { limit: query.limit(20, 1, 100), after: query.string('after') },
      (invite) => inviteView(state, invite),
    ),
  );

  router.post('/organization/invites', ({ state, body, audit }) => {
    const input = parseBody(createInviteBody, body);
    const invite = state.addInvite({ email: input.email, role: input.role, projects: input.projects ?? null });
    audit('invite.sent', { id: invite.id, data: { email: invite.email, role: invite.role } });
    return inviteView(state, invite);
  });

  router.get('/organization/invites/:invite_id', ({ state, param }) =>
    inviteView(state, state.requireInvite(param('invite_id'))),
  );

  router.delete('/organization/invites/:invite_id', ({ state, param, audit }) => {
    const invite = state.deleteInvite(param('invite_id'));
    audit('invite.deleted', { id: invite.id });
    return { id: invite.id, object: 'organization.invite.deleted', deleted: true };
  });
}
