import { z } from 'zod';
import { NotFoundError, UsageError } from '../../errors.js';
import type { ApprovalRequest } from '../approvals/model.js';
import { formatInstant } from '../approvals/state-text.js';
import type { OperationDeps } from '../ports.js';
import type { ReplyItem } from '../reply.js';
import { defineOperation } from './operation.js';

const service = (deps: OperationDeps) => {
  if (!deps.approvals) throw new UsageError('Approvals are not set up in this bot.');
  return deps.approvals();
};

const requestId = z
  .string()
  .regex(/^req_[a-z0-9]+$/, { error: (issue) => `"${String(issue.input)}" is not a request id (req_…).` });

const item = (request: ApprovalRequest, extra: string[] = []): ReplyItem => ({
  title: request.summary.split('\n')[0] ?? request.operation,
  id: request.id,
  facts: [request.state.replace('_', ' '), `asked by ${request.requester_email ?? request.requester_id}`, ...extra],
});

export const approvalsList = defineOperation({
  name: 'approvals.list',
  words: ['approvals'],
  aliases: [['approvals', 'list']],
  summary: 'List pending approval requests, the ones awaiting you first',
  args: [],
  input: z.object({}),
  risk: 'read',
  describe: () => 'List pending approval requests',
  async run(deps, _input, actor) {
    const rows = await service(deps).pending(actor.userId);
    return {
      title: `${rows.length} pending request${rows.length === 1 ? '' : 's'}`,
      items: rows.map(({ request, awaitingMe }) =>
        item(request, [
          awaitingMe ? 'awaiting you' : 'not yours to approve',
          `expires ${formatInstant(request.expires_at)}`,
        ]),
      ),
      emptyText: 'Nothing is waiting for approval.',
    };
  },
});

export const approvalsCancel = defineOperation({
  name: 'approvals.cancel',
  words: ['approvals', 'cancel'],
  summary: 'Withdraw your own pending request',
  args: [{ name: 'request', kind: 'positional', placeholder: '<request_id>' }],
  input: z.object({ request: requestId }),
  risk: 'read',
  describe: (input) => `Cancel request ${input.request}`,
  run: (deps, input, actor) => service(deps).cancel(actor.userId, input.request),
});

export const approvalsHistory = defineOperation({
  name: 'approvals.history',
  words: ['approvals', 'history'],
  summary: 'Show recently decided requests',
  args: [{ name: 'limit', kind: 'flag', placeholder: '<n>', optional: true }],
  input: z.object({
    limit: z.coerce
      .number({ error: '--limit must be a number.' })
      .int('--limit must be a whole number.')
      .min(1, '--limit must be at least 1.')
      .max(100, '--limit must be at most 100.')
      .default(20),
  }),
  risk: 'read',
  slow: true,
  describe: (input) => `Show the last ${input.limit} decisions`,
  async run(deps, input) {
    const rows = await service(deps).history(input.limit);
    return {
      title: `Last ${rows.length} decision${rows.length === 1 ? '' : 's'}`,
      items: rows.map((r) =>
        item(
          r,
          [r.decided_by ? `by ${r.decided_by}` : '', r.decided_at ? formatInstant(r.decided_at) : ''].filter(Boolean),
        ),
      ),
      emptyText: 'No decisions yet.',
    };
  },
});

export const approvalsShow = defineOperation({
  name: 'approvals.show',
  words: ['approvals', 'show'],
  summary: 'Show one request and its audit trail: who asked, who decided, what ran',
  args: [{ name: 'request', kind: 'positional', placeholder: '<request_id>' }],
  input: z.object({ request: requestId }),
  risk: 'read',
  describe: (input) => `Show request ${input.request}`,
  async run(deps, input) {
    const request = await deps.store.get(input.request);
    if (!request) throw new NotFoundError(`There is no request ${input.request}.`);
    const trail = await deps.store.listAudit({ requestId: request.id, limit: 100 });
    return {
      title: `${request.summary.split('\n')[0] ?? request.operation} (${request.state.replace('_', ' ')})`,
      notes: [
        `Request ${request.id} by ${request.requester_email ?? request.requester_id}${request.reason ? `, reason: ${request.reason}` : ''}`,
        ...request.summary.split('\n').slice(1),
      ],
      items: trail.map((event) => ({
        title: `${formatInstant(event.at)}  ${event.event}`,
        facts: [
          event.actor_id ? `by ${event.actor_id}` : '',
          event.openai_request_id ? `OpenAI ${event.openai_request_id}` : '',
        ].filter(Boolean),
      })),
      emptyText: 'No audit entries.',
      ...(request.openai_request_id ? { requestId: request.openai_request_id } : {}),
    };
  },
});
