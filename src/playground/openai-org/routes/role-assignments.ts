import { z } from 'zod';
import { parseBody } from '../body.js';
import { nextCursorPage, ordered } from '../pagination.js';
import type { RouteContext, Router } from '../router.js';
import type { PrincipalType } from '../state/role-book.js';
import { groupView, userView } from '../views/org-views.js';
import { assignedRoleView, roleView } from '../views/role-views.js';

const assignBody = z.strictObject({ role_id: z.string().min(1) });

interface Family {
  base: string;
  type: PrincipalType;
  idParam: 'user_id' | 'group_id';
}

/** Roles of users and groups, in the organization and in projects (the latter under `/projects`, no prefix). */
const FAMILIES: readonly Family[] = [
  { base: '/organization/users/:user_id/roles', type: 'user', idParam: 'user_id' },
  { base: '/organization/groups/:group_id/roles', type: 'group', idParam: 'group_id' },
  { base: '/projects/:project_id/users/:user_id/roles', type: 'user', idParam: 'user_id' },
  { base: '/projects/:project_id/groups/:group_id/roles', type: 'group', idParam: 'group_id' },
];

const scopeOf = (ctx: RouteContext): string | null => (ctx.param('project_id') === '' ? null : ctx.param('project_id'));

/** The user or group as an assignment answer embeds it (`group` here spells `scim_managed`, not `is_scim_managed`). */
function principalView(ctx: RouteContext, type: PrincipalType, id: string) {
  if (type === 'user') return { user: userView(ctx.state.requireUser(id)) };
  const { object, id: groupId, name, created_at } = groupView(ctx.state.requireGroup(id));
  return { group: { object, id: groupId, name, created_at, scim_managed: false } };
}

function auditAssignment(ctx: RouteContext, type: string, family: Family, principalId: string, roleId: string) {
  const projectId = scopeOf(ctx);
  const payload = {
    id: roleId,
    principal_id: principalId,
    principal_type: family.type,
    resource_id: projectId ?? ctx.state.orgId,
    resource_type: projectId === null ? 'api.organization' : 'api.project',
  };
  ctx.audit(type, payload, projectId ?? undefined);
}

/** List, assign, retrieve and unassign for each of the four families; lists use `next` cursors. */
export function registerRoleAssignmentRoutes(router: Router): void {
  for (const family of FAMILIES) {
    router.get(family.base, (ctx) => {
      const held = ctx.state.rbac.heldBy(family.type, ctx.param(family.idParam), scopeOf(ctx));
      const order = ctx.query.oneOf('order', ['asc', 'desc'] as const) ?? 'asc';
      const cursor = { limit: ctx.query.limit(100, 0, 1000), after: ctx.query.string('after') };
      const items = held.map(({ assignment, role }) => ({ id: role.id, view: assignedRoleView(role, assignment) }));
      return nextCursorPage(ordered(items, order), cursor, (item) => item.view);
    });

    router.post(family.base, (ctx) => {
      const principalId = ctx.param(family.idParam);
      const projectId = scopeOf(ctx);
      const { role_id: roleId } = parseBody(assignBody, ctx.body);
      ctx.state.rbac.assign(family.type, principalId, projectId, roleId);
      auditAssignment(ctx, 'role.assignment.created', family, principalId, roleId);
      const role = ctx.state.rbac.requireRole(projectId, roleId);
      return { object: `${family.type}.role`, ...principalView(ctx, family.type, principalId), role: roleView(role) };
    });

    router.get(`${family.base}/:role_id`, (ctx) => {
      const projectId = scopeOf(ctx);
      const principalId = ctx.param(family.idParam);
      const assignment = ctx.state.rbac.requireAssignment(family.type, principalId, projectId, ctx.param('role_id'));
      return assignedRoleView(ctx.state.rbac.requireRole(projectId, assignment.roleId), assignment);
    });

    router.delete(`${family.base}/:role_id`, (ctx) => {
      const principalId = ctx.param(family.idParam);
      const assignment = ctx.state.rbac.unassign(family.type, principalId, scopeOf(ctx), ctx.param('role_id'));
      auditAssignment(ctx, 'role.assignment.deleted', family, principalId, assignment.roleId);
      return { object: `${family.type}.role.deleted`, deleted: true };
    });
  }
}
