import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { path } from '../path.js';

/** Values the organization level accepts. */
export const ORG_RETENTION_TYPES = [
  'zero_data_retention',
  'modified_abuse_monitoring',
  'enhanced_zero_data_retention',
  'enhanced_modified_abuse_monitoring',
] as const;
/** Values a project accepts: the organization's plus `organization_default` and `none`. */
export const PROJECT_RETENTION_TYPES = ['organization_default', 'none', ...ORG_RETENTION_TYPES] as const;
export type RetentionType = (typeof PROJECT_RETENTION_TYPES)[number];

export const dataRetention = z.looseObject({
  object: z.string().optional(),
  /** One of the types above today; kept open. */
  type: z.string(),
});
export type DataRetention = z.output<typeof dataRetention>;

/**
 * Data retention control of the organization (`projectId` null, `/organization/data_retention`) or of a project
 * (`/organization/projects/{project_id}/data_retention`).
 */
export function dataRetentionResource(client: AdminClient) {
  const at = (projectId: string | null) =>
    projectId === null ? '/organization/data_retention' : path`/organization/projects/${projectId}/data_retention`;
  return {
    retrieve: (projectId: string | null) => client.request(dataRetention, { method: 'GET', path: at(projectId) }),
    /** Sets an absolute value; repeating it cannot change the outcome. */
    update: (projectId: string | null, retentionType: RetentionType) =>
      client.request(dataRetention, {
        method: 'POST',
        path: at(projectId),
        body: { retention_type: retentionType },
        idempotent: true,
      }),
  };
}
