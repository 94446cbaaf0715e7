import { z } from 'zod';
import { parseBody } from '../body.js';
import { idCursorPage } from '../pagination.js';
import type { Router } from '../router.js';
import { userView } from '../views/org-views.js';
import { orgRole } from './shared.js';

const modifyUserBody = z.strictObject({
  role: orgRole.nullable().optional(),
  role_id: z.string().nullable().optional(),
  technical_level: z.string().nullable().optional(),
  developer_persona: z.string().nullable().optional(),
});

/** `/organization/users`: list (emails[] filter), retrieve, modify, delete. */
export function registerUserRoutes(router: Router): void {
  router.get('/organization/users', ({ state, query }) => {
    const emails = query.list('emails').map((email) => email.toLowerCase());
    const filtered = emails.length > 0 && !state.ignoresEmailFilter;
    const users = [...state.users.values()].filter((user) => !filtered || emails.includes(user.email.toLowerCase()));
    return idCursorPage(users, { limit: query.limit(20, 1, 100), after: query.string('after') }, userView);
  });

  router.get('/organization/users/:user_id', ({ state, param }) => userView(state.requireUser(param('user_id'))));

  router.post('/organization/users/:user_id', ({ state, param, body, audit }) => {
    const user = state.requireUser(param('user_id'));
    const input = parseBody(modifyUserBody, body);
    if (input.role) user.role = input.role;
    if (input.role_id !== undefined) user.roleId = input.role_id;
    if (input.technical_level !== undefined) user.technicalLevel = input.technical_level;
    if (input.developer_persona !== undefined) user.developerPersona = input.developer_persona;
    audit('user.updated', { id: user.id, changes_requested: { role: user.role } });
    return userView(user);
  });

  router.delete('/organization/users/:user_id', ({ state, param, audit }) => {
    const user = state.deleteUser(param('user_id'));
    audit('user.deleted', { id: user.id });
    return { id: user.id, object: 'organization.user.deleted', deleted: true };
  });
}
