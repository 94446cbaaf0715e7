import { z } from 'zod';
import { parseBody } from '../body.js';
import type { Router } from '../router.js';
import { ORG_RETENTION_TYPES, PROJECT_RETENTION_TYPES } from '../state/records.js';
import { auditSettingsChange } from './shared.js';

const orgBody = z.strictObject({ retention_type: z.enum(ORG_RETENTION_TYPES) });
const projectBody = z.strictObject({ retention_type: z.enum(PROJECT_RETENTION_TYPES) });

/** Data retention of the organization (4 values) and of projects (6 values, default `organization_default`). */
export function registerDataRetentionRoutes(router: Router): void {
  router.get('/organization/data_retention', ({ state }) => ({
    object: 'organization.data_retention',
    type: state.orgDataRetention,
  }));

  router.post('/organization/data_retention', (ctx) => {
    ctx.state.orgDataRetention = parseBody(orgBody, ctx.body).retention_type;
    auditSettingsChange(ctx, null, { data_retention: ctx.state.orgDataRetention });
    return { object: 'organization.data_retention', type: ctx.state.orgDataRetention };
  });

  router.get('/organization/projects/:project_id/data_retention', ({ state, param }) => ({
    object: 'project.data_retention',
    type: state.requireProject(param('project_id')).dataRetention,
  }));

  router.post('/organization/projects/:project_id/data_retention', (ctx) => {
    const project = ctx.state.requireActiveProject(ctx.param('project_id'));
    project.dataRetention = parseBody(projectBody, ctx.body).retention_type;
    auditSettingsChange(ctx, project.id, { data_retention: project.dataRetention });
    return { object: 'project.data_retention', type: project.dataRetention };
  });
}
