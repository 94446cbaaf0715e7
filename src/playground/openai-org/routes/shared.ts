import { z } from 'zod';
import type { RouteContext } from '../router.js';
import { ORG_ROLES, PROJECT_ROLES } from '../state/records.js';

export const orgRole = z.enum(ORG_ROLES);
export const projectRole = z.enum(PROJECT_ROLES);

/** Create and (full-replacement) update body of spend alerts: integer cents, USD, monthly, email channel. */
export const spendAlertBody = z.strictObject({
  threshold_amount: z.int().min(0),
  currency: z.literal('USD'),
  interval: z.literal('month'),
  notification_channel: z.strictObject({
    type: z.literal('email'),
    recipients: z.array(z.email()),
    subject_prefix: z.string().nullable().optional(),
  }),
});

/** Body of hard spend limits: integer cents >= 1, USD, monthly. */
export const spendLimitBody = z.strictObject({
  threshold_amount: z.int().min(1),
  currency: z.literal('USD'),
  interval: z.literal('month'),
});

/** Reads the standard style-A cursor parameters. */
export function cursorParams(ctx: RouteContext, defaultLimit: number, min: number, max?: number) {
  return {
    limit: ctx.query.limit(defaultLimit, min, max),
    after: ctx.query.string('after'),
    before: ctx.query.string('before'),
  };
}

/**
 * Logs a settings change that has no dedicated event type (spend alerts and limits, data retention,
 * model permissions) as `organization.updated` or `project.updated`.
 */
export function auditSettingsChange(
  ctx: RouteContext,
  projectId: string | null,
  changes: Record<string, unknown>,
): void {
  if (projectId === null) {
    ctx.audit('organization.updated', { id: ctx.state.orgId, changes_requested: changes });
  } else {
    ctx.audit('project.updated', { id: projectId, changes_requested: changes }, projectId);
  }
}
