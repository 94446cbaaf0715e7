import { z } from 'zod';

/** A role member: a Slack user id (U…/W…), a Slack user group id (S…), or "*" for every workspace member. */
const member = z
  .string()
  .trim()
  .regex(/^(\*|[UWS][A-Z0-9]{2,})$/, 'must be a Slack user id (U…), a user group id (S…) or "*"');

const channelId = z
  .string()
  .trim()
  .regex(/^[CGD][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C0123ABC');

/** The policy file. The minimal form (approval_channel + roles) must always stay valid. */
export const policySchema = z.strictObject({
  approval_channel: channelId,
  roles: z.strictObject({
    admin: z.array(member).default([]),
    approver: z.array(member).default([]),
    viewer: z.array(member).default([]),
  }),
});

export type PolicyDocument = z.output<typeof policySchema>;
export type RoleName = keyof PolicyDocument['roles'];
