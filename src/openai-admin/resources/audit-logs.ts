import type { OpenAI } from 'openai';
import type { AdminApi } from '../../domain/admin-api/admin-api.js';
import { type AuditLogQuery, auditLog, auditLogPage } from '../../domain/admin-api/audit-logs.js';
import { listing, parse, sdkPage } from '../call.js';
import type { ResourceContext } from './context.js';

type AuditLogParams = NonNullable<Parameters<OpenAI['admin']['organization']['auditLogs']['list']>[0]>;

const nonEmpty = (list: readonly string[] | undefined) => (list && list.length > 0 ? [...list] : undefined);

/** The SDK's parameters; the query encoder sends the list filters under the document's bracketed names. */
function toParams(query: AuditLogQuery): AuditLogParams {
  return {
    event_types: nonEmpty(query.eventTypes),
    actor_ids: nonEmpty(query.actorIds),
    actor_emails: nonEmpty(query.actorEmails),
    project_ids: nonEmpty(query.projectIds),
    resource_ids: nonEmpty(query.resourceIds),
    effective_at: query.effectiveAt,
    tenant_only: query.tenantOnly ? true : undefined,
    limit: query.limit,
    after: query.after,
    before: query.before,
  } as AuditLogParams;
}

/** `/organization/audit_logs`: read-only, newest first. */
export function auditLogsResource({ org, limits }: ResourceContext): AdminApi['auditLogs'] {
  return {
    async page(query = {}) {
      const page = await sdkPage(auditLog, () => org.auditLogs.list(toParams(query)));
      const body = {
        data: page.items,
        has_more: page.hasMore,
        first_id: page.items[0]?.id ?? null,
        last_id: page.next ?? page.items.at(-1)?.id ?? null,
      };
      return { data: parse(auditLogPage, body, page.requestId), requestId: page.requestId };
    },
    list: (query = {}) =>
      listing('audit log events', limits, auditLog, (after) =>
        org.auditLogs.list(toParams({ limit: 100, ...query, ...(after ? { after } : {}) })),
      ),
  };
}
