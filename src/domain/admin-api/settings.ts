import { z } from 'zod';

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

export const modelPermissions = z.looseObject({
  object: z.string().optional(),
  /** `allow_list` or `deny_list` today; kept open. */
  mode: z.string(),
  model_ids: z.array(z.string()),
});
export type ModelPermissions = z.output<typeof modelPermissions>;

export interface ModelPermissionsParams {
  mode: 'allow_list' | 'deny_list';
  model_ids: string[];
}

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

export const spendLimit = z.looseObject({
  object: z.string().optional(),
  /** Integer cents. */
  threshold_amount: z.number(),
  currency: z.string(),
  interval: z.string(),
  /** `inactive` or `enforcing` today; kept open. */
  enforcement: z.looseObject({ status: z.string() }).nullish(),
});
export type SpendLimit = z.output<typeof spendLimit>;

export interface SpendLimitParams {
  /** Integer cents, at least 1. */
  threshold_amount: number;
  currency: 'USD';
  interval: 'month';
}
