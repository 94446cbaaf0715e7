import { z } from 'zod';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DURATION = /^(\d{1,6})\s*(m|min|mins|minutes?|h|hours?|d|days?|w|weeks?)$/i;

/** The shortest grant. */
export const MIN_GRANT_MS = 60_000;

/** `30m`, `8h`, `7d`, `2w` → milliseconds; undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const unit = (match[2] as string).toLowerCase()[0] as keyof typeof UNIT_MS;
  return Number(match[1]) * UNIT_MS[unit];
}

/** `1d 4h`, `45m`: a span shown to people, rounded down to the minute, two units at most. */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1_440);
  const hours = Math.floor((minutes % 1_440) / 60);
  const mins = minutes % 60;
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', !days && mins ? `${mins}m` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : 'under a minute';
}

/**
 * `--for <duration>` as typed (or as milliseconds when the input comes back from storage): at least a minute.
 * The policy's maximum is checked when the grant is resolved, where the policy is known.
 */
export const grantDuration = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value : parseDuration(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a duration; use e.g. 30m, 8h, 7d or 2w.` });
    return z.NEVER;
  }
  if (!Number.isInteger(ms) || ms < MIN_GRANT_MS) {
    ctx.addIssue({ code: 'custom', message: `--for ${value} is too short; a grant lasts at least 1 minute.` });
    return z.NEVER;
  }
  return ms;
});

/** The `--for` flag as an argument of an operation. */
export const forFlag = {
  name: 'for',
  kind: 'flag',
  placeholder: '<duration>',
  optional: true,
  help: 'give the access for this long only (e.g. 8h, 7d); it is taken back at expiry',
} as const;
