import { z } from 'zod';
import { grantPolicySchema } from '../grants/grant-policy.js';

/** A role member: a Slack user id (U…/W…), a Slack user group id (S…), or "*" for every workspace member. */
const member = z
  .string()
  .trim()
  .regex(/^(\*|[UWS][A-Z0-9]{2,})$/, 'must be a Slack user id (U…), a user group id (S…) or "*"');

const channelId = z
  .string()
  .trim()
  .regex(/^[CGD][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C0123ABC');

const DURATION = /^(\d+)\s*(m|h|d)$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `30m`, `24h`, `7d` → milliseconds. */
export const duration = z
  .string()
  .trim()
  .regex(DURATION, 'must be a duration such as 30m, 24h or 7d')
  .transform((text) => {
    const [, amount, unit] = DURATION.exec(text) as RegExpExecArray;
    return Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  });

const roleName = z.enum(['admin', 'approver', 'viewer'], { error: 'must be admin, approver or viewer' });

/** Rules for one operation (or every operation of a resource with `users.*`). */
const operationRule = z.strictObject({
  /** Whether the operation waits for approval; destructive ones do by default, others do not. */
  require_approval: z.boolean().optional(),
  /** Distinct approvals needed (N of M). */
  approvals: z.number().int().min(1, 'must be at least 1').max(10, 'must be at most 10').optional(),
  /** The role whose members may approve. */
  approver_role: roleName.optional(),
  /** The role needed to run (or request) the operation. */
  allowed_role: roleName.optional(),
  /** Channels where the command may be used; anywhere when omitted. */
  channels: z.array(channelId).optional(),
  /** How long a request stays open. */
  expires_after: duration.optional(),
});

/** The policy file. The minimal form (approval_channel + roles) must always stay valid. */
export const policySchema = z.strictObject({
  approval_channel: channelId,
  roles: z.strictObject({
    admin: z.array(member).default([]),
    approver: z.array(member).default([]),
    viewer: z.array(member).default([]),
  }),
  approvals: z
    .strictObject({
      /** Default lifetime of a request. */
      expires_after: duration.default(24 * 3_600_000),
      /** Distinct approvals needed by default. */
      required: z.number().int().min(1).max(10).default(1),
      /**
       * How approvers hear of a new request: `mention` names the approver role's user groups and members on the
       * card; `dm` sends each member a direct message linking the card.
       */
      notify: z.enum(['mention', 'dm'], { error: 'must be mention or dm' }).default('mention'),
    })
    .default({ expires_after: 24 * 3_600_000, required: 1, notify: 'mention' }),
  /** Per-operation rules keyed by operation name (`users.remove`) or resource wildcard (`users.*`). */
  operations: z.record(z.string(), operationRule).default({}),
  /** Spend digests and threshold alerts. */
  digests: z
    .strictObject({
      /** Fractions of each spend alert at which subscribed channels are told, once a month each. */
      alert_levels: z
        .array(z.number().gt(0, 'must be above 0').max(10, 'must be at most 10 (1000%)'))
        .min(1, 'must list at least one level, e.g. [0.5, 0.8, 1.0]')
        .default([0.5, 0.8, 1]),
      /** How often thresholds are checked. */
      alert_check: duration.refine((ms) => ms >= 60_000, 'must be at least 1m').default(3_600_000),
      /** A digest missed by less than this (e.g. while the bot was down) is sent late, once. */
      catch_up: duration.default(24 * 3_600_000),
    })
    .default({ alert_levels: [0.5, 0.8, 1], alert_check: 3_600_000, catch_up: 24 * 3_600_000 }),
  /** Time-bound access (`--for`). */
  grants: grantPolicySchema,
});

export type PolicyDocument = z.output<typeof policySchema>;
export type RoleName = keyof PolicyDocument['roles'];
export type OperationRule = z.output<typeof operationRule>;
