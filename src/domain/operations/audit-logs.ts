import { UsageError } from '../../errors.js';
import type { Actor } from '../actor.js';
import { collect } from '../admin-api/collect.js';
import { type AuditInput, auditInput, describeFilters, nextPageInput, toQuery } from '../audit-logs/audit-input.js';
import { eventDetail, eventHeading } from '../audit-logs/event-line.js';
import type { OperationDeps } from '../ports.js';
import type { Reply } from '../reply.js';
import { resolveProject } from '../resolve.js';
import { resolveRange } from '../time-range.js';
import { defineOperation } from './operation.js';

/** The most events one export fetches (100 API pages). */
export const EXPORT_CAP = 10_000;

const NAME = 'audit.list';
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const EMPTY = 'No audit events match. (Audit logging must be turned on in the organization settings to record any.)';

async function exportEvents(deps: OperationDeps, input: AuditInput, actor: Actor): Promise<Reply> {
  if (!deps.files || actor.source !== 'slack') {
    throw new UsageError('--export sends you a file in Slack; run it from Slack.');
  }
  const { query, notes } = toQuery(input);
  const events = await collect(deps.admin.auditLogs.list(query), EXPORT_CAP + 1);
  const capped = events.length > EXPORT_CAP;
  const shown = capped ? events.slice(0, EXPORT_CAP) : events;
  const filters = describeFilters(input);
  if (shown.length === 0)
    return { title: 'No audit events match; nothing was exported.', notes: [`Filters: ${filters}`] };
  const stamp = deps.now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const filename = `openai-audit-log-${stamp}.jsonl`;
  await deps.files.upload({
    recipientUserId: actor.userId,
    filename,
    title: 'OpenAI audit log export',
    content: `${shown.map((event) => JSON.stringify(event)).join('\n')}\n`,
    comment: `${plural(shown.length, 'audit event')}, newest first (${filters}).`,
  });
  return {
    title: `Exported ${plural(shown.length, 'audit event')} to ${filename}, sent to you in a direct message.`,
    notes: [
      `Filters: ${filters}`,
      ...notes,
      ...(capped ? [`Stopped at ${EXPORT_CAP} events; narrow the time range to export the rest.`] : []),
    ],
  };
}

export const auditList = defineOperation({
  name: NAME,
  words: ['audit'],
  aliases: [['audit', 'logs'], ['audit-logs']],
  summary: 'Look up audit-log events (who changed what, when), newest first',
  args: [
    {
      name: 'type',
      kind: 'flag',
      placeholder: '<event_type|family.*>',
      optional: true,
      repeatable: true,
      help: 'e.g. project.archived, or api_key.* for a family',
    },
    { name: 'actor', kind: 'flag', placeholder: '<email|actor_id>', optional: true, repeatable: true, input: 'user' },
    {
      name: 'project',
      kind: 'flag',
      placeholder: '<project_id|name>',
      optional: true,
      repeatable: true,
      input: 'project',
    },
    { name: 'resource', kind: 'flag', placeholder: '<resource_id>', optional: true, repeatable: true },
    { name: 'since', kind: 'flag', placeholder: '<30m|24h|7d>', optional: true, help: 'e.g. 30m, 24h or 7d' },
    { name: 'from', kind: 'flag', placeholder: '<YYYY-MM-DD>', optional: true, input: 'date', help: 'UTC day' },
    { name: 'to', kind: 'flag', placeholder: '<YYYY-MM-DD>', optional: true, input: 'date', help: 'UTC day, included' },
    { name: 'limit', kind: 'flag', placeholder: '<1-100>', optional: true, input: 'number', help: 'events per page' },
    {
      name: 'export',
      kind: 'flag',
      placeholder: '',
      boolean: true,
      optional: true,
      help: `upload every match (up to ${EXPORT_CAP}) as a JSON-lines file`,
    },
  ],
  input: auditInput,
  risk: 'read',
  slow: true,
  async resolve(deps, input) {
    const resolved: AuditInput = { ...input };
    if (!input.projectIds && input.project.length > 0) {
      const projects = await Promise.all(input.project.map((ref) => resolveProject(deps.admin, ref)));
      resolved.projectIds = projects.map((p) => p.id);
      resolved.projectNames = projects.map((p) => (p.name ? `${p.name} (${p.id})` : p.id));
    }
    if (input.gte === undefined && input.lt === undefined) {
      const range = resolveRange(input, deps.now());
      if (range.gte !== undefined) resolved.gte = range.gte;
      if (range.lt !== undefined) resolved.lt = range.lt;
    }
    return resolved;
  },
  describe: (input) => `${input.export ? 'Export' : 'List'} audit events: ${describeFilters(input)}`,
  async run(deps, input, actor) {
    if (input.export) return exportEvents(deps, input, actor);
    const { query, notes } = toQuery(input);
    const { data: page, requestId } = await deps.admin.auditLogs.page({
      ...query,
      limit: input.limit,
      ...(input.after ? { after: input.after } : {}),
    });
    const count = plural(page.data.length, 'event');
    const first = input.page === 1;
    const cursor = page.has_more ? (page.last_id ?? page.data.at(-1)?.id) : undefined;
    return {
      title: first
        ? `Audit log: ${count}${cursor ? ', newest first; more are available' : ''}`
        : `Audit log, page ${input.page}: ${count}`,
      notes: first ? [`Filters: ${describeFilters(input)}. Times are UTC.`, ...notes] : [],
      items: page.data.map((event) => ({ title: eventHeading(event), facts: [eventDetail(event)] })),
      emptyText: first ? EMPTY : 'No further events.',
      ...(requestId ? { requestId } : {}),
      ...(cursor ? { more: { operation: NAME, input: nextPageInput(input, cursor) } } : {}),
    };
  },
});
