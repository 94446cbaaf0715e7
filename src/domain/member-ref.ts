import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { OrganizationUser } from './admin-api/organization.js';
import type { OperationDeps } from './ports.js';
import { resolveUser } from './resolve.js';

// What the parser makes of a Slack mention (`<@U123|alice>` arrives as `<@U123>`).
const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

/** The chat user id of a mention such as `<@U123>`, or undefined for any other text. */
export function mentionedUserId(ref: string): string | undefined {
  return MENTION.exec(ref.trim())?.[1];
}

/** An email address (lower-cased) or a chat mention, each checked with a message that names the bad value. */
export const emailOrMention = z
  .string()
  .trim()
  .refine((value) => mentionedUserId(value) !== undefined || z.email().safeParse(value).success, {
    error: (issue) => `"${String(issue.input)}" is not a valid email address.`,
  })
  .transform((value) => (mentionedUserId(value) ? value : value.toLowerCase()));

/** Turns a mention into that person's chat email; any other reference is returned unchanged. */
export async function emailForRef(deps: OperationDeps, ref: string): Promise<string> {
  const userId = mentionedUserId(ref);
  if (!userId) return ref;
  if (!deps.directory) throw new UsageError('Mentions cannot be used here; give an email address instead.');
  const email = await deps.directory.emailOf(userId).catch(() => undefined);
  if (!email) {
    throw new UsageError(
      `Slack shows no email address for the member ${userId} (the bot needs the users:read.email scope, and ` +
        'bots and guests may have none). Give their email address instead.',
    );
  }
  return email.toLowerCase();
}

/** Finds an organization member by email, user id or chat mention. */
export async function resolveMember(deps: OperationDeps, ref: string): Promise<OrganizationUser> {
  return resolveUser(deps.admin, await emailForRef(deps, ref));
}
