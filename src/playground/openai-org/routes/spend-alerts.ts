import { notFound } from '../api-error.js';
import { parseBody } from '../body.js';
import { idCursorPage, ordered } from '../pagination.js';
import type { RouteContext, Router } from '../router.js';
import type { SpendAlertRecord } from '../state/records.js';
import { spendAlertView } from '../views/project-views.js';
import { auditSettingsChange, cursorParams, spendAlertBody } from './shared.js';

type Level = 'organization' | 'project';

/** Organization and project spend alerts (amounts in integer cents; update is a full replacement). */
export function registerSpendAlertRoutes(router: Router): void {
  registerLevel(router, '/organization/spend_alerts', 'organization');
  registerLevel(router, '/organization/projects/:project_id/spend_alerts', 'project');
}

function registerLevel(router: Router, base: string, level: Level): void {
  const projectIdOf = (ctx: RouteContext): string | null => (level === 'project' ? ctx.param('project_id') : null);
  const alertsOf = (ctx: RouteContext, forWrite: boolean): Map<string, SpendAlertRecord> => {
    const projectId = projectIdOf(ctx);
    if (projectId !== null && forWrite) ctx.state.requireActiveProject(projectId);
    return ctx.state.spendAlertsOf(projectId);
  };
  const requireAlert = (ctx: RouteContext, forWrite: boolean): SpendAlertRecord => {
    const id = ctx.param('alert_id');
    const alert = alertsOf(ctx, forWrite).get(id);
    if (!alert) throw notFound('spend alert', id);
    return alert;
  };
  const view = (alert: SpendAlertRecord) => spendAlertView(alert, level);

  router.get(base, (ctx) => {
    const order = ctx.query.oneOf('order', ['asc', 'desc'] as const) ?? 'asc';
    return idCursorPage(ordered(alertsOf(ctx, false).values(), order), cursorParams(ctx, 20, 0, 100), view);
  });

  router.post(base, (ctx) => {
    alertsOf(ctx, true);
    const input = parseBody(spendAlertBody, ctx.body);
    const alert = ctx.state.addSpendAlert({
      projectId: projectIdOf(ctx),
      thresholdAmount: input.threshold_amount,
      recipients: input.notification_channel.recipients,
      subjectPrefix: input.notification_channel.subject_prefix ?? null,
    });
    auditSettingsChange(ctx, projectIdOf(ctx), { spend_alert_created: alert.id });
    return view(alert);
  });

  router.get(`${base}/:alert_id`, (ctx) => view(requireAlert(ctx, false)));

  router.post(`${base}/:alert_id`, (ctx) => {
    const alert = requireAlert(ctx, true);
    const input = parseBody(spendAlertBody, ctx.body);
    alert.threshold_amount = input.threshold_amount;
    alert.notification_channel = {
      type: 'email',
      recipients: input.notification_channel.recipients,
      subject_prefix: input.notification_channel.subject_prefix ?? null,
    };
    auditSettingsChange(ctx, projectIdOf(ctx), { spend_alert_updated: alert.id });
    return view(alert);
  });

  router.delete(`${base}/:alert_id`, (ctx) => {
    const alert = requireAlert(ctx, true);
    alertsOf(ctx, true).delete(alert.id);
    auditSettingsChange(ctx, projectIdOf(ctx), { spend_alert_deleted: alert.id });
    return { id: alert.id, object: `${level}.spend_alert.deleted`, deleted: true };
  });
}
