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

/** How requests for one project or one role are routed and bounded. */
const accessRule = z.strictObject({
  /** The longest access that may be asked for. */
  max_duration: maxDuration.optional(),
  /** Which role approves. */
  approver_role: z.enum(['admin', 'approver', 'viewer'], { error: 'must be admin, approver or viewer' }).optional(),
  /** Distinct approvals needed. */
  approvals: z.number().int().min(1, 'must be at least 1').max(10, 'must be at most 10').optional(),
  /** Where the approval card is posted instead of the approvals channel. */
  channel: z
    .string()
    .trim()
    .regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C0123ABC')
    .optional(),
});

export type AccessRule = z.output<typeof accessRule>;

/** The `grants` section of the policy file: limits on time-bound access and routing of access requests. */
export const grantPolicySchema = z
  .strictObject({
    /** The longest `--for` anyone may give. */
    max_duration: maxDuration.default(THIRTY_DAYS),
    /** Self-service `access request`: rules per requested role and per project (by id or name). */
    access_requests: z
      .strictObject({
        roles: z.strictObject({ member: accessRule.optional(), owner: accessRule.optional() }).default({}),
        projects: z.record(z.string(), accessRule).default({}),
      })
      .default({ roles: {}, projects: {} }),
  })
  .default({ max_duration: THIRTY_DAYS, access_requests: { roles: {}, projects: {} } });

export type GrantPolicy = z.output<typeof grantPolicySchema>;

/** The rule for a request of `role` on a project: the project's entry over the role's; the shortest maximum wins. */
export function accessRuleFor(
  policy: GrantPolicy,
  project: { id: string; name?: string | null | undefined },
  role: 'member' | 'owner',
): AccessRule & { max_duration: number } {
  const byName = Object.entries(policy.access_requests.projects).find(
    ([key]) => key === project.id || (!!project.name && key.toLowerCase() === project.name.toLowerCase()),
  )?.[1];
  const byRole = policy.access_requests.roles[role];
  const limits = [policy.max_duration, byRole?.max_duration, byName?.max_duration].filter(
    (ms): ms is number => ms !== undefined,
  );
  return { ...byRole, ...byName, max_duration: Math.min(...limits) };
}
