import type { FakeAdminApi } from '../helpers/fake-admin-api/index.js';
import type { SpecOperation, SpecParameter } from '../helpers/openapi/spec-operations.js';
import { call, type Json } from './fake-client.js';

const DAY = 86_400;

/** Seeded values the walk filters lists by. */
export interface WalkFilters {
  projectId: string;
  apiKeyId: string;
  userId: string;
  model: string;
  email: string;
}

/** What the walk did: operations the organization serves, those it does not, and every answer that was not a 200. */
export interface WalkResult {
  served: Set<string>;
  notServed: Set<string>;
  problems: string[];
  calls: number;
  /** Each 200 answer by the path and query that got it. */
  answers: Map<string, Json>;
}

/** Parameters whose every documented value is worth a call of its own. */
const VARIED = new Set(['order', 'include_archived', 'owner_project_access', 'batch', 'tenant_only', 'include']);

const enumOf = (param: SpecParameter | undefined): unknown[] => {
  const schema = param?.schema ?? {};
  if (schema.type === 'boolean') return [true, false];
  const items = schema.items as Record<string, unknown> | undefined;
  return ((schema.enum ?? items?.enum) as unknown[] | undefined) ?? [];
};

/**
 * Calls every GET operation of the document the organization serves: each list whole, page by page, and with
 * each documented value of its options; each retrieve once for every id its parent list holds; costs and usage
 * over three months page by page, per bucket width, per `group_by` value and with each filter. Path ids come
 * from the list one level up (`/projects/{id}` from `/organization/projects`), as `id` or the field named like
 * the parameter.
 */
export async function walkGetOperations(
  api: FakeAdminApi,
  operations: readonly SpecOperation[],
  filters: WalkFilters,
  now: number,
): Promise<WalkResult> {
  const result: WalkResult = { served: new Set(), notServed: new Set(), problems: [], calls: 0, answers: new Map() };
  const lists = new Map<string, Json[] | null>();
  const byTemplate = new Map(operations.filter((op) => op.method === 'GET').map((op) => [op.template, op]));

  const get = async (op: SpecOperation, path: string, query: URLSearchParams): Promise<Json | undefined> => {
    result.calls += 1;
    const reply = await call(api, 'GET', `${path}${query.size > 0 ? `?${query}` : ''}`);
    if (reply.status === 404 && String(reply.body?.error?.message).startsWith('Invalid URL')) {
      result.notServed.add(op.id);
      return undefined;
    }
    result.served.add(op.id);
    if (reply.status === 200) result.answers.set(`${path}?${query}`, reply.body);
    else result.problems.push(`GET ${path}?${query} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.status === 200 ? reply.body : undefined;
  };

  /** Calls `query` and then every further page its answers point to (`next_page`, or `last_id`/`next` as `after`). */
  const follow = async (op: SpecOperation, path: string, first: URLSearchParams): Promise<void> => {
    let query = first;
    for (let page = 0; page < 100; page += 1) {
      const body = await get(op, path, query);
      if (!body?.has_more) return;
      query = new URLSearchParams(first);
      if (body.next_page) query.set('page', String(body.next_page));
      else if (body.last_id ?? body.next) query.set('after', String(body.last_id ?? body.next));
      else return;
    }
    result.problems.push(`GET ${path}?${first} did not end within 100 pages`);
  };

  /** Every item of a list, following its cursor two at a time; `null` when the organization does not serve it. */
  const listAll = async (template: string, path: string): Promise<Json[] | null> => {
    const cached = lists.get(path);
    if (cached !== undefined) return cached;
    const op = byTemplate.get(template) ?? byTemplate.get(`/organization${template}`);
    const listPath = byTemplate.has(template) ? path : `/organization${path}`;
    if (!op) return null;
    const whole = await get(op, listPath, new URLSearchParams());
    if (whole === undefined) {
      lists.set(path, null);
      return null;
    }
    const items: Json[] = [];
    const takesCursor = op.parameters.some((p) => p.name === 'after') && op.parameters.some((p) => p.name === 'limit');
    let query = new URLSearchParams(takesCursor ? { limit: '2' } : {});
    for (let page = 0; page < 200; page += 1) {
      const body = await get(op, listPath, query);
      items.push(...(body?.data ?? []));
      const cursor = body?.last_id ?? body?.next;
      if (!takesCursor || !body?.has_more || !cursor) break;
      query = new URLSearchParams({ limit: '2', after: String(cursor) });
    }
    lists.set(path, items);
    return items;
  };

  /** The paths of `template` with every parameter filled by a seeded id, or a reason it could not be. */
  const expand = async (template: string): Promise<string[] | string> => {
    const segments = template.split('/');
    let paths = [''];
    for (const [index, segment] of segments.entries()) {
      if (index === 0) continue;
      if (!segment.startsWith('{')) {
        paths = paths.map((path) => `${path}/${segment}`);
        continue;
      }
      const parentTemplate = segments.slice(0, index).join('/');
      const next: string[] = [];
      for (const path of paths) {
        const items = await listAll(parentTemplate, path);
        if (items === null) return `${parentTemplate} is not served`;
        const name = segment.slice(1, -1);
        // Most lists key items by `id`; some (a project's groups) by the field the path names.
        for (const item of items) next.push(`${path}/${encodeURIComponent(String(item[name] ?? item.id))}`);
      }
      if (next.length === 0) return `the seeded organization has no ${segment} under ${parentTemplate}`;
      paths = next;
    }
    return paths;
  };

  for (const op of byTemplate.values()) {
    const expanded = await expand(op.template);
    if (typeof expanded === 'string') {
      if (!expanded.endsWith('is not served')) result.problems.push(`${op.id}: ${expanded}`);
      continue;
    }
    for (const path of expanded) {
      for (const query of variants(op, filters, now)) await follow(op, path, query);
      if (op.parameters.some((p) => p.name === 'after')) await listAll(op.template, path);
    }
  }
  return result;
}

/** The queries worth sending to one operation. */
function variants(op: SpecOperation, filters: WalkFilters, now: number): URLSearchParams[] {
  const param = (name: string) => op.parameters.find((p) => p.in === 'query' && p.name === name);
  const out: URLSearchParams[] = [new URLSearchParams()];
  if (param('start_time')) return bucketVariants(op, filters, now);
  for (const name of VARIED)
    for (const value of enumOf(param(name))) out.push(new URLSearchParams({ [name]: String(value) }));
  if (op.id === 'list-users') out.push(new URLSearchParams({ emails: filters.email }));
  if (op.id === 'list-audit-logs') {
    const since = String(now - 30 * DAY);
    out.push(
      new URLSearchParams({ 'event_types[]': 'login.succeeded', limit: '100' }),
      new URLSearchParams({ 'actor_emails[]': filters.email }),
      new URLSearchParams({ 'project_ids[]': filters.projectId }),
      new URLSearchParams({ 'resource_ids[]': filters.projectId }),
      new URLSearchParams({ 'effective_at[gte]': since, 'effective_at[lt]': String(now) }),
    );
  }
  return out.filter((query, index) => index === 0 || query.size > 0);
}

function bucketVariants(op: SpecOperation, filters: WalkFilters, now: number): URLSearchParams[] {
  const names = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  const at = (fields: Record<string, string>, extra: [string, string][] = []) => {
    const query = new URLSearchParams(fields);
    for (const [name, value] of extra) query.append(name, value);
    return query;
  };
  const week = String(now - 7 * DAY);
  const out = [at({ start_time: week })];
  const widths = enumOf(op.parameters.find((p) => p.name === 'bucket_width')).map(String);
  // Three months a month at a time, then two days by the hour and ninety minutes by the minute: several pages each.
  out.push(at({ start_time: String(now - 91 * DAY), limit: '30' }));
  if (widths.includes('1h')) out.push(at({ start_time: String(now - 2 * DAY), bucket_width: '1h', limit: '24' }));
  if (widths.includes('1m')) out.push(at({ start_time: String(now - 90 * 60), bucket_width: '1m', limit: '60' }));
  const groupBy = enumOf(op.parameters.find((p) => p.name === 'group_by')).map(String);
  for (const value of groupBy) out.push(at({ start_time: week }, [['group_by', value]]));
  if (groupBy.length > 0)
    out.push(
      at(
        { start_time: week },
        groupBy.map((value) => ['group_by', value]),
      ),
    );
  const filterValues: Record<string, string> = {
    project_ids: filters.projectId,
    api_key_ids: filters.apiKeyId,
    user_ids: filters.userId,
    models: filters.model,
  };
  for (const [name, value] of Object.entries(filterValues))
    if (names.has(name)) out.push(at({ start_time: week, [name]: value }));
  for (const name of ['sources', 'sizes', 'context_levels']) {
    const first = enumOf(op.parameters.find((p) => p.name === name))[0];
    if (first !== undefined) out.push(at({ start_time: week, [name]: String(first) }));
  }
  if (names.has('batch')) out.push(at({ start_time: week, batch: 'true' }), at({ start_time: week, batch: 'false' }));
  return out;
}
