import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByIdCursor } from '../pagination.js';
import { path } from '../path.js';

export const rateLimit = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  model: z.string(),
  max_requests_per_1_minute: z.number().nullish(),
  max_tokens_per_1_minute: z.number().nullish(),
  max_images_per_1_minute: z.number().nullish(),
  max_audio_megabytes_per_1_minute: z.number().nullish(),
  max_requests_per_1_day: z.number().nullish(),
  batch_1_day_max_input_tokens: z.number().nullish(),
});
export type RateLimit = z.output<typeof rateLimit>;

/** The limit fields of a model, as the API names them; the last four exist only for models they apply to. */
export const RATE_LIMIT_FIELDS = [
  'max_requests_per_1_minute',
  'max_tokens_per_1_minute',
  'max_requests_per_1_day',
  'max_images_per_1_minute',
  'max_audio_megabytes_per_1_minute',
  'batch_1_day_max_input_tokens',
] as const;
export type RateLimitField = (typeof RATE_LIMIT_FIELDS)[number];

export type RateLimitUpdateParams = Partial<Record<RateLimitField, number>>;

/** `/organization/projects/{project_id}/rate_limits`: one entry per model; no create or delete, only update. */
export function rateLimitsResource(client: AdminClient) {
  return {
    list: (projectId: string, params: { limit?: number } = {}) =>
      listByIdCursor(client, rateLimit, path`/organization/projects/${projectId}/rate_limits`, {
        limit: params.limit ?? 100,
      }),
    /** Sets absolute values, so repeating it cannot change the outcome. */
    update: (projectId: string, rateLimitId: string, body: RateLimitUpdateParams) =>
      client.request(rateLimit, {
        method: 'POST',
        path: path`/organization/projects/${projectId}/rate_limits/${rateLimitId}`,
        body,
        idempotent: true,
      }),
  };
}
