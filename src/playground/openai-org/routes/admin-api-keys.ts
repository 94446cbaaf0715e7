import { z } from 'zod';
import { parseBody } from '../body.js';
import { idCursorPage, ordered } from '../pagination.js';
import type { Router } from '../router.js';
import { adminKeyView } from '../views/org-views.js';

const createBody = z.strictObject({
  name: z.string().min(1),
  expires_in_seconds: z.int().min(1).max(31_536_000).optional(),
});

/** Admin API keys: the secret `value` appears only in the create response. Deleting the bot's key locks it out. */
export function registerAdminApiKeyRoutes(router: Router): void {
  router.get('/organization/admin_api_keys', ({ state, query }) => {
    const order = query.oneOf('order', ['asc', 'desc'] as const) ?? 'asc';
    return idCursorPage(
      ordered(state.adminKeys.values(), order),
      { limit: query.limit(20, 1), after: query.string('after') },
      adminKeyView,
    );
  });

  router.post('/organization/admin_api_keys', ({ state, body, audit }) => {
    const input = parseBody(createBody, body);
    const key = state.addAdminKey({ name: input.name, expiresInSeconds: input.expires_in_seconds });
    audit('api_key.created', { id: key.id, data: { scopes: ['api.organization.admin'] } });
    return { ...adminKeyView(key), value: key.value };
  });

  router.get('/organization/admin_api_keys/:key_id', ({ state, param }) =>
    adminKeyView(state.requireAdminKey(param('key_id'))),
  );

  router.delete('/organization/admin_api_keys/:key_id', ({ state, param, audit }) => {
    const key = state.requireAdminKey(param('key_id'));
    state.adminKeys.delete(key.id);
    audit('api_key.deleted', { id: key.id });
    return { id: key.id, object: 'organization.admin_api_key.deleted', deleted: true };
  });
}
