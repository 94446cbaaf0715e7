import { z } from 'zod';
import { badRequest } from '../api-error.js';
import { parseBody } from '../body.js';
import { idCursorPage } from '../pagination.js';
import type { Router } from '../router.js';
import { rateLimitView } from '../views/project-views.js';
import { cursorParams } from './shared.js';

const LIMIT_FIELDS = [
  'max_requests_per_1_minute',
  'max_tokens_per_1_minute',
  'max_images_per_1_minute',
  'max_audio_megabytes_per_1_minute',
  'max_requests_per_1_day',
  'batch_1_day_max_input_tokens',
] as const;

const optionalLimit = z.int().min(0).optional();

const updateBody = z.strictObject({
  max_requests_per_1_minute: optionalLimit,
  max_tokens_per_1_minute: optionalLimit,
  max_images_per_1_minute: optionalLimit,
  max_audio_megabytes_per_1_minute: optionalLimit,
  max_requests_per_1_day: optionalLimit,
  batch_1_day_max_input_tokens: optionalLimit,
});

/** Per-model project rate limits (seeded per project); updates accept only limits the model has. */
export function registerRateLimitRoutes(router: Router): void {
  router.get('/organization/projects/:project_id/rate_limits', (ctx) => {
    const project = ctx.state.requireProject(ctx.param('project_id'));
    return idCursorPage([...project.rateLimits.values()], cursorParams(ctx, 100, 1), rateLimitView);
  });

  router.post('/organization/projects/:project_id/rate_limits/:rate_limit_id', ({ state, param, body, audit }) => {
    const project = state.requireActiveProject(param('project_id'));
    const limit = state.requireRateLimit(project, param('rate_limit_id'));
    const input = parseBody(updateBody, body);
    for (const field of LIMIT_FIELDS) {
      if (input[field] !== undefined && limit[field] === undefined) {
        throw badRequest(`Invalid '${field}': model ${limit.model} has no such limit.`, field, 'invalid_value');
      }
    }
    const changes: Record<string, number> = {};
    for (const field of LIMIT_FIELDS) {
      const value = input[field];
      if (value === undefined) continue;
      limit[field] = value;
      changes[field] = value;
    }
    audit('rate_limit.updated', { id: limit.id, changes_requested: changes }, project.id);
    return rateLimitView(limit);
  });
}
