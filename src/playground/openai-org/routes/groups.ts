import { z } from 'zod';
import { notFound } from '../api-error.js';
import { parseBody } from '../body.js';
import { nextCursorPage, ordered } from '../pagination.js';
import type { RouteContext, Router } from '../router.js';
import { deleteGroup } from '../state/project-groups.js';
import { groupUserView, groupView } from '../views/org-views.js';

const nameBody = z.strictObject({ name: z.string().min(1).max(255) });
const addUserBody = z.strictObject({ user_id: z.string().min(1) });

function listParams(ctx: RouteContext, defaultOrder: 'asc' | 'desc') {
  return {
    order: ctx.query.oneOf('order', ['asc', 'desc'] as const) ?? defaultOrder,
    cursor: { limit: ctx.query.limit(100, 0, 1000), after: ctx.query.string('after') },
  };
}

/** Groups and their members; both lists use style B (`next`) pagination. */
export function registerGroupRoutes(router: Router): void {
  router.get('/organization/groups', (ctx) => {
    const { order, cursor } = listParams(ctx, 'asc');
    return nextCursorPage(ordered(ctx.state.groups.values(), order), cursor, groupView);
  });

  router.post('/organization/groups', ({ state, body, audit }) => {
    const group = state.addGroup(parseBody(nameBody, body));
    audit('group.created', { id: group.id, data: { group_name: group.name } });
    return groupView(group);
  });

  router.get('/organization/groups/:group_id', ({ state, param }) => groupView(state.requireGroup(param('group_id'))));

  router.post('/organization/groups/:group_id', ({ state, param, body, audit }) => {
    const group = state.requireGroup(param('group_id'));
    group.name = parseBody(nameBody, body).name;
    audit('group.updated', { id: group.id, changes_requested: { group_name: group.name } });
    const { group_type: _type, object: _object, ...updated } = groupView(group);
    return updated;
  });

  router.delete('/organization/groups/:group_id', ({ state, param, audit }) => {
    const group = state.requireGroup(param('group_id'));
    deleteGroup(state, group);
    audit('group.deleted', { id: group.id });
    return { object: 'group.deleted', id: group.id, deleted: true };
  });

  router.get('/organization/groups/:group_id/users', (ctx) => {
    const group = ctx.state.requireGroup(ctx.param('group_id'));
    const { order, cursor } = listParams(ctx, 'desc');
    const members = [...group.members.keys()].map((id) => ctx.state.requireUser(id));
    return nextCursorPage(ordered(members, order), cursor, groupUserView);
  });

  router.post('/organization/groups/:group_id/users', ({ state, param, body }) => {
    const { user_id: userId } = parseBody(addUserBody, body);
    const group = state.addGroupUser(param('group_id'), userId);
    return { object: 'group.user', user_id: userId, group_id: group.id };
  });

  router.get('/organization/groups/:group_id/users/:user_id', ({ state, param }) => {
    const group = state.requireGroup(param('group_id'));
    const userId = param('user_id');
    if (!group.members.has(userId)) throw notFound('group user', userId);
    const user = state.requireUser(userId);
    return { ...groupUserView(user), picture: null, is_service_account: false, user_type: 'user' };
  });

  router.delete('/organization/groups/:group_id/users/:user_id', ({ state, param }) => {
    const group = state.requireGroup(param('group_id'));
    const userId = param('user_id');
    if (!group.members.delete(userId)) throw notFound('group user', userId);
    return { object: 'group.user.deleted', deleted: true };
  });
}
