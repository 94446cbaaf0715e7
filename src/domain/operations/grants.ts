import { z } from 'zod';
import { formatSpan } from '../grants/duration.js';
import { accessText, endedText, granteeName } from '../grants/grant-text.js';
import { grantsOf } from '../grants/with-grant.js';
import type { ReplyItem } from '../reply.js';
import { defineOperation } from './operation.js';

export const grantsList = defineOperation({
  name: 'grants.list',
  words: ['grants'],
  aliases: [['grants', 'list']],
  summary: 'List active time-bound grants with the time each has left (--mine: only yours)',
  args: [{ name: 'mine', kind: 'flag', placeholder: '', optional: true, boolean: true }],
  input: z.object({ mine: z.boolean().default(false) }),
  risk: 'read',
  describe: (input) => (input.mine ? 'List my active grants' : 'List active grants'),
  async run(deps, input, actor) {
    const grants = grantsOf(deps);
    const now = grants.now();
    const active = await grants.active({ ...(input.mine ? { granteeChatId: actor.userId } : {}), limit: 500 });
    const items: ReplyItem[] = active.map((grant) => ({
      title: `${granteeName(grant)}: ${accessText(grant)}`,
      id: grant.id,
      facts: [
        grant.state === 'undoing' ? 'being taken back now' : `${formatSpan(grant.expires_at - now)} left`,
        `by ${grant.granted_by.startsWith('cli:') ? grant.granted_by : `@${grant.granted_by}`}`,
        ...(grant.last_error ? [`last undo failed: ${grant.last_error}`] : []),
      ],
    }));
    return {
      title: `${items.length} active grant${items.length === 1 ? '' : 's'}`,
      items,
      emptyText: input.mine ? 'You hold no time-bound access.' : 'No time-bound access is active.',
    };
  },
});

export const grantsRevoke = defineOperation({
  name: 'grants.revoke',
  words: ['grants', 'revoke'],
  summary: 'End a time-bound grant now: its access is taken back at once',
  args: [{ name: 'grant', kind: 'positional', placeholder: '<grant_id>' }],
  input: z.object({
    grant: z
      .string()
      .trim()
      .regex(/^grant_[a-z0-9]+$/, { error: (issue) => `"${String(issue.input)}" is not a grant id (grant_…).` }),
  }),
  risk: 'write',
  describe: (input) => `End grant ${input.grant} now`,
  async run(deps, input, actor) {
    const grant = await grantsOf(deps).revoke(input.grant, actor.userId);
    if (grant.state === 'active') {
      return {
        title: `Grant ${grant.id} could not be taken back yet: ${grant.last_error ?? 'unknown error'}.`,
        notes: ['It is retried automatically; the approvals channel hears if it keeps failing.'],
      };
    }
    return { title: endedText(grant) };
  },
});
