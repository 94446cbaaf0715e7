import { z } from 'zod';
import type { AuditLogQuery } from '../admin-api/audit-logs.js';
import { describeRange, rangeError } from '../time-range.js';
import { selectTypes } from './type-filter.js';

const MAX_PAGE = 100;
const ACTOR_ID = /^[A-Za-z0-9_-]+$/;
const RESOURCE_ID = /^[A-Za-z0-9_.:-]+$/;

const values = z.array(z.string().trim().min(1)).default([]);

const limit = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isInteger(n) && n >= 1 && n <= MAX_PAGE) return n;
    ctx.addIssue({ code: 'custom', message: `--limit ${value} is not a whole number from 1 to ${MAX_PAGE}.` });
    return z.NEVER;
  })
  .default(20);

/**
 * Input of `/openai audit`. `type`…`export` come from the command; the rest is filled in by `resolve`
 * (`projectIds`, and the absolute range `gte`/`lt`, so later pages keep the same span) or by a "More"
 * request (`after`, `page`).
 */
export const auditInput = z
  .object({
    type: values,
    actor: values,
    project: values,
    resource: values,
    since: z.string().trim().optional(),
    from: z.string().trim().optional(),
    to: z.string().trim().optional(),
    limit,
    export: z.boolean().default(false),
    projectIds: z.array(z.string()).optional(),
    projectNames: z.array(z.string()).optional(),
    gte: z.int().nonnegative().optional(),
    lt: z.int().nonnegative().optional(),
    after: z.string().min(1).max(200).optional(),
    page: z.int().min(1).default(1),
  })
  .superRefine((input, ctx) => {
    const types = selectTypes(input.type);
    if (!types.ok) ctx.addIssue({ code: 'custom', path: ['type'], message: types.error });
    const range = rangeError(input);
    if (range) ctx.addIssue({ code: 'custom', path: [range.field], message: range.message });
    for (const actor of input.actor) {
      if (!(ACTOR_ID.test(actor) || z.email().safeParse(actor).success)) {
        const message = `--actor "${actor}" is neither an email address nor an actor id (user-…, key_…, svc_acct_…).`;
        ctx.addIssue({ code: 'custom', path: ['actor'], message });
      }
    }
    for (const resource of input.resource) {
      if (!RESOURCE_ID.test(resource)) {
        const message = `--resource "${resource}" is not an id; give the id of what was acted on, e.g. proj_abc.`;
        ctx.addIssue({ code: 'custom', path: ['resource'], message });
      }
    }
  });

export type AuditInput = z.output<typeof auditInput>;

/** The API query for resolved input (every filter in the wire's bracket form, by the client). */
export function toQuery(input: AuditInput): { query: AuditLogQuery; notes: string[] } {
  const types = selectTypes(input.type);
  if (!types.ok) throw new Error(types.error);
  const emails = input.actor.filter((a) => a.includes('@')).map((a) => a.toLowerCase());
  const ids = input.actor.filter((a) => !a.includes('@'));
  const effectiveAt = {
    ...(input.gte !== undefined ? { gte: input.gte } : {}),
    ...(input.lt !== undefined ? { lt: input.lt } : {}),
  };
  const query: AuditLogQuery = {
    eventTypes: types.types,
    tenantOnly: types.tenantOnly,
    actorEmails: emails,
    actorIds: ids,
    projectIds: input.projectIds ?? input.project,
    resourceIds: input.resource,
    ...(Object.keys(effectiveAt).length > 0 ? { effectiveAt } : {}),
  };
  return { query, notes: types.notes };
}

/** The filters in words, e.g. `type api_key.*, actor a@x.com, since 2026-11-13 14:03 UTC`. */
export function describeFilters(input: AuditInput): string {
  const parts: string[] = [];
  if (input.type.length) parts.push(`type ${input.type.join(', ')}`);
  if (input.actor.length) parts.push(`actor ${input.actor.join(', ')}`);
  const projects = input.projectNames ?? input.project;
  if (projects.length) parts.push(`project ${projects.join(', ')}`);
  if (input.resource.length) parts.push(`resource ${input.resource.join(', ')}`);
  const range = describeRange({
    ...(input.gte !== undefined ? { gte: input.gte } : {}),
    ...(input.lt !== undefined ? { lt: input.lt } : {}),
  });
  if (range) parts.push(range);
  return parts.length ? parts.join('; ') : 'all organization events';
}

/** What a "More" request needs to fetch the page after `after`: the filters, resolved, and nothing else. */
export function nextPageInput(input: AuditInput, after: string): Record<string, unknown> {
  const projectIds = input.projectIds ?? input.project;
  return {
    ...(input.type.length ? { type: input.type } : {}),
    ...(input.actor.length ? { actor: input.actor } : {}),
    ...(input.resource.length ? { resource: input.resource } : {}),
    ...(projectIds.length ? { projectIds } : {}),
    ...(input.gte !== undefined ? { gte: input.gte } : {}),
    ...(input.lt !== undefined ? { lt: input.lt } : {}),
    limit: input.limit,
    after,
    page: input.page + 1,
  };
}
