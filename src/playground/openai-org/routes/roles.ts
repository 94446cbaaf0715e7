import { z } from 'zod';
import { parseBody } from '../body.js';
import { nextCursorPage, ordered } from '../pagination.js';
import type { RouteContext, Router } from '../router.js';
import type { RoleRecord } from '../state/role-book.js';
import { roleView } from '../views/role-views.js';

const createBody = z.strictObject({
  role_name: z.string().min(1).max(255),
  permissions: z.array(z.string()),
  description: z.string().nullable().optional(),
});

const updateBody = z.strictObject({
  role_name: z.string().min(1).max(255).nullable().optional(),
  permissions: z.array(z.string()).nullable().optional(),
  description: z.string().nullable().optional(),
});

/** `null` for the organization's routes, the project id for `/projects/{project_id}/roles`. */
const scopeOf = (ctx: RouteContext): string | null => (ctx.param('project_id') === '' ? null : ctx.param('project_id'));

function auditRole(ctx: RouteContext, type: string, payload: Record<string, unknown>, projectId: string | null) {
  ctx.audit(type, payload, projectId ?? undefined);
}

function added(before: readonly string[], after: readonly string[]): string[] {
  return after.filter((permission) => !before.includes(permission));
}

/** Organization roles and project roles (the latter without the `/organization` prefix); lists use `next` cursors. */
export function registerRoleRoutes(router: Router): void {
  for (const base of ['/organization/roles', '/projects/:project_id/roles']) {
    router.get(base, (ctx) => {
      const projectId = scopeOf(ctx);
      if (projectId !== null) ctx.state.requireProject(projectId);
      const order = ctx.query.oneOf('order', ['asc', 'desc'] as const) ?? 'asc';
      const cursor = { limit: ctx.query.limit(1000, 0, 1000), after: ctx.query.string('after') };
      return nextCursorPage(ordered(ctx.state.rbac.rolesOf(projectId), order), cursor, roleView);
    });

    router.post(base, (ctx) => {
      const projectId = scopeOf(ctx);
      if (projectId !== null) ctx.state.requireActiveProject(projectId);
      const input = parseBody(createBody, ctx.body);
      const role = ctx.state.rbac.addRole({
        name: input.role_name,
        permissions: input.permissions,
        description: input.description ?? null,
        projectId,
      });
      const payload = {
        id: role.id,
        role_name: role.name,
        permissions: role.permissions,
        resource_type: role.resourceType,
        resource_id: projectId ?? ctx.state.orgId,
      };
      auditRole(ctx, 'role.created', payload, projectId);
      return roleView(role);
    });

    router.get(`${base}/:role_id`, (ctx) => {
      const projectId = scopeOf(ctx);
      if (projectId !== null) ctx.state.requireProject(projectId);
      return roleView(ctx.state.rbac.requireRole(projectId, ctx.param('role_id')));
    });

    router.post(`${base}/:role_id`, (ctx) => {
      const projectId = scopeOf(ctx);
      if (projectId !== null) ctx.state.requireActiveProject(projectId);
      const patch = parseBody(updateBody, ctx.body);
      const before: RoleRecord = { ...ctx.state.rbac.requireRole(projectId, ctx.param('role_id')) };
      const role = ctx.state.rbac.updateRole(projectId, before.id, {
        name: patch.role_name,
        permissions: patch.permissions,
        description: patch.description,
      });
      const changes = {
        role_name: role.name,
        resource_id: projectId ?? ctx.state.orgId,
        resource_type: role.resourceType,
        permissions_added: added(before.permissions, role.permissions),
        permissions_removed: added(role.permissions, before.permissions),
        ...(role.description === null ? {} : { description: role.description }),
      };
      auditRole(ctx, 'role.updated', { id: role.id, changes_requested: changes }, projectId);
      return roleView(role);
    });

    router.delete(`${base}/:role_id`, (ctx) => {
      const projectId = scopeOf(ctx);
      if (projectId !== null) ctx.state.requireActiveProject(projectId);
      const role = ctx.state.rbac.deleteRole(projectId, ctx.param('role_id'));
      auditRole(ctx, 'role.deleted', { id: role.id }, projectId);
      return { object: 'role.deleted', id: role.id, deleted: true };
    });
  }
}
