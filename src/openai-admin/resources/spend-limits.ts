import { z } from 'zod';
import type { AdminClient, ApiResponse } from '../client.js';
import { NotFoundApiError } from '../errors.js';
import { path } from '../path.js';

export const spendLimit = z.looseObject({
  object: z.string().optional(),
  /** Integer cents. */
  threshold_amount: z.number(),
  currency: z.string(),
  interval: z.string(),
  /** `inactive` or `enforcing` today; kept open. */
  enforcement: z.looseObject({ status: z.string() }).nullish(),
});
export type SpendLimit = z.output<typeof spendLimit>;

export interface SpendLimitParams {
  /** Integer cents, at least 1. */
  threshold_amount: number;
  currency: 'USD';
  interval: 'month';
}

const deleted = z.looseObject({ deleted: z.boolean().optional() });

/** What a read may answer when no limit is set: the document is silent, so empty values are accepted too. */
const storedLimit = spendLimit.extend({
  threshold_amount: z.number().nullish(),
  currency: z.string().nullish(),
  interval: z.string().nullish(),
});

/** A limit only when it caps something: a missing, null or zero amount means none is set. */
function asLimit(read: z.output<typeof storedLimit>): SpendLimit | null {
  const { threshold_amount, currency, interval } = read;
  if (!threshold_amount || threshold_amount <= 0) return null;
  return { ...read, threshold_amount, currency: currency ?? 'USD', interval: interval ?? 'month' };
}

/**
 * The hard spend limit (a singleton) of the organization (`projectId` null, `/organization/spend_limit`) or of a
 * project (`/organization/projects/{project_id}/spend_limit`). Amounts are integer cents.
 */
export function spendLimitsResource(client: AdminClient) {
  const at = (projectId: string | null) =>
    projectId === null ? '/organization/spend_limit' : path`/organization/projects/${projectId}/spend_limit`;
  return {
    /** The limit, or `data: null` when none is set: a 404, or a 200 with an empty or zero amount. */
    async retrieve(projectId: string | null): Promise<ApiResponse<SpendLimit | null>> {
      try {
        const { data, requestId } = await client.request(storedLimit, { method: 'GET', path: at(projectId) });
        return { data: asLimit(data), requestId };
      } catch (error) {
        if (error instanceof NotFoundApiError) return { data: null, requestId: error.requestId };
        throw error;
      }
    },
    /** Creates or replaces the limit with an absolute value; repeating it cannot change the outcome. */
    set: (projectId: string | null, body: SpendLimitParams) =>
      client.request(spendLimit, { method: 'POST', path: at(projectId), body, idempotent: true }),
    delete: (projectId: string | null) => client.request(deleted, { method: 'DELETE', path: at(projectId) }),
  };
}
