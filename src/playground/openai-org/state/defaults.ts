import type { RateLimitRecord } from './records.js';

/** Models every new project gets a rate limit for (id `rl-<model>`). */
export const DEFAULT_RATE_LIMITS: readonly Omit<RateLimitRecord, 'id'>[] = [
  {
    model: 'gpt-4o',
    max_requests_per_1_minute: 10_000,
    max_tokens_per_1_minute: 30_000_000,
    batch_1_day_max_input_tokens: 5_000_000_000,
  },
  {
    model: 'gpt-4o-mini',
    max_requests_per_1_minute: 30_000,
    max_tokens_per_1_minute: 150_000_000,
    batch_1_day_max_input_tokens: 15_000_000_000,
  },
  {
    model: 'o3',
    max_requests_per_1_minute: 10_000,
    max_tokens_per_1_minute: 30_000_000,
    batch_1_day_max_input_tokens: 5_000_000_000,
  },
  { model: 'dall-e-3', max_requests_per_1_minute: 10_000, max_tokens_per_1_minute: 0, max_images_per_1_minute: 50 },
  {
    model: 'whisper-1',
    max_requests_per_1_minute: 10_000,
    max_tokens_per_1_minute: 0,
    max_audio_megabytes_per_1_minute: 100,
  },
];

/** Invites expire after seven days. */
export const INVITE_TTL_SECONDS = 7 * 86_400;
