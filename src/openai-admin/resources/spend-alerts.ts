import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByIdCursor } from '../pagination.js';
import { path } from '../path.js';

export const spendAlert = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  /** Integer cents. */
  threshold_amount: z.number(),
  currency: z.string(),
  interval: z.string(),
  notification_channel: z.looseObject({
    type: z.string(),
    recipients: z.array(z.string()).default([]),
    subject_prefix: z.string().nullish(),
  }),
});
export type SpendAlert = z.output<typeof spendAlert>;

/** Create and update body; update is a full replacement, so every field is always sent. */
export interface SpendAlertParams {
  /** Integer cents, 0 or more. */
  threshold_amount: number;
  currency: 'USD';
  interval: 'month';
  notification_channel: { type: 'email'; recipients: string[]; subject_prefix?: string | null };
}

const deleted = z.looseObject({ deleted: z.boolean().optional() });

/**
 * Spend alerts of the organization (`projectId` null, `/organization/spend_alerts`) or of a project
 * (`/organization/projects/{project_id}/spend_alerts`). Amounts are integer cents.
 */
export function spendAlertsResource(client: AdminClient) {
  const base = (projectId: string | null) =>
    projectId === null ? '/organization/spend_alerts' : path`/organization/projects/${projectId}/spend_alerts`;
  const one = (projectId: string | null, alertId: string) => `${base(projectId)}${path`/${alertId}`}`;
  return {
    list: (projectId: string | null, params: { limit?: number } = {}) =>
      listByIdCursor(client, spendAlert, base(projectId), { limit: params.limit ?? 100 }),
    create: (projectId: string | null, body: SpendAlertParams) =>
      client.request(spendAlert, { method: 'POST', path: base(projectId), body }),
    retrieve: (projectId: string | null, alertId: string) =>
      client.request(spendAlert, { method: 'GET', path: one(projectId, alertId) }),
    /** Full replacement with absolute values; repeating it cannot change the outcome. */
    update: (projectId: string | null, alertId: string, body: SpendAlertParams) =>
      client.request(spendAlert, { method: 'POST', path: one(projectId, alertId), body, idempotent: true }),
    delete: (projectId: string | null, alertId: string) =>
      client.request(deleted, { method: 'DELETE', path: one(projectId, alertId) }),
  };
}
