import { z } from 'zod';
import { parseDuration } from './duration.js';

const THIRTY_DAYS = 30 * 86_400_000;

const maxDuration = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === undefined || ms < 60_000) {
      ctx.addIssue({ code: 'custom', message: 'must be a duration of at least 1m, such as 8h, 7d or 2w' });
      return z.NEVER;
    }
    return ms;
  });

/** The `grants` section of the policy file: limits on time-bound access. */
export const grantPolicySchema = z
  .strictObject({
    /** The longest `--for` anyone may give. */
    max_duration: maxDuration.default(THIRTY_DAYS),
  })
  .default({ max_duration: THIRTY_DAYS });
