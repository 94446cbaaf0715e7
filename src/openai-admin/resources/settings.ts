import { z } from 'zod';
import type { AdminApi, ApiResponse } from '../../domain/admin-api/admin-api.js';
import { NotFoundApiError } from '../../domain/admin-api/errors.js';
import { deleted } from '../../domain/admin-api/organization.js';
import {
  dataRetention,
  type ModelPermissions,
  modelPermissions,
  rateLimit,
  type SpendLimit,
  spendAlert,
  spendLimit,
} from '../../domain/admin-api/settings.js';
import { call, listing } from '../call.js';
import type { ResourceContext } from './context.js';

/** `/organization/projects/{project_id}/rate_limits`: one entry per model; only updated. */
export function rateLimitsResource({ org, limits }: ResourceContext): AdminApi['rateLimits'] {
  const rates = org.projects.rateLimits;
  return {
    list: (projectId, params = {}) =>
      listing('rate limits', limits, rateLimit, (after) =>
        rates.listRateLimits(projectId, { limit: params.limit ?? 100, after }),
      ),
    update: (projectId, id, body) =>
      call(rateLimit, () => rates.updateRateLimit(id, { project_id: projectId, ...body })),
  };
}

/** A read where nothing is set: a 404 is `null` too. */
async function orNull<T>(read: () => Promise<ApiResponse<T | null>>): Promise<ApiResponse<T | null>> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotFoundApiError) return { data: null, requestId: error.requestId };
    throw error;
  }
}

/** What a read may answer when no list is set: the document is silent, so empty values are accepted too. */
const storedPermissions = modelPermissions.extend({
  mode: z.string().nullish(),
  model_ids: z.array(z.string()).nullish(),
});

/** A restriction only when there is one: no mode, or a deny-list of nothing, leaves every model usable. */
const asRestriction = z
  .unknown()
  .pipe(storedPermissions)
  .transform((read): ModelPermissions | null => {
    const { mode, model_ids } = read;
    if (!mode || (mode === 'deny_list' && !model_ids?.length)) return null;
    return { ...read, mode, model_ids: model_ids ?? [] };
  });

/** `/organization/projects/{project_id}/model_permissions`: the project's model allow- or deny-list. */
export function modelPermissionsResource({ org }: ResourceContext): AdminApi['modelPermissions'] {
  const permissions = org.projects.modelPermissions;
  return {
    retrieve: (projectId) => orNull(() => call(asRestriction, () => permissions.retrieve(projectId))),
    set: (projectId, body) => call(modelPermissions, () => permissions.update(projectId, body)),
    delete: (projectId) => call(deleted, () => permissions.delete(projectId)),
  };
}

/** Spend alerts of the organization (`null`) or of a project; amounts in integer cents. */
export function spendAlertsResource({ org, limits }: ResourceContext): AdminApi['spendAlerts'] {
  const ofOrg = org.spendAlerts;
  const ofProject = org.projects.spendAlerts;
  return {
    list: (scope, params = {}) =>
      listing('spend alerts', limits, spendAlert, (after) => {
        const query = { limit: params.limit ?? 100, after };
        return scope === null ? ofOrg.list(query) : ofProject.list(scope, query);
      }),
    create: (scope, body) =>
      call(spendAlert, () => (scope === null ? ofOrg.create(body) : ofProject.create(scope, body))),
    retrieve: (scope, id) =>
      call(spendAlert, () => (scope === null ? ofOrg.retrieve(id) : ofProject.retrieve(id, { project_id: scope }))),
    update: (scope, id, body) =>
      call(spendAlert, () =>
        scope === null ? ofOrg.update(id, body) : ofProject.update(id, { project_id: scope, ...body }),
      ),
    delete: (scope, id) =>
      call(deleted, () => (scope === null ? ofOrg.delete(id) : ofProject.delete(id, { project_id: scope }))),
  };
}

/** A limit only when it caps something: a missing, null or zero amount means none is set. */
const asLimit = z
  .unknown()
  .pipe(
    spendLimit.extend({
      threshold_amount: z.number().nullish(),
      currency: z.string().nullish(),
      interval: z.string().nullish(),
    }),
  )
  .transform((read): SpendLimit | null => {
    const { threshold_amount, currency, interval } = read;
    if (!threshold_amount || threshold_amount <= 0) return null;
    return { ...read, threshold_amount, currency: currency ?? 'USD', interval: interval ?? 'month' };
  });

/** The hard spend limit (a singleton) of the organization (`null`) or of a project; amounts in integer cents. */
export function spendLimitsResource({ org }: ResourceContext): AdminApi['spendLimits'] {
  const ofOrg = org.spendLimit;
  const ofProject = org.projects.spendLimit;
  return {
    retrieve: (scope) =>
      orNull(() => call(asLimit, () => (scope === null ? ofOrg.retrieve() : ofProject.retrieve(scope)))),
    set: (scope, body) => call(spendLimit, () => (scope === null ? ofOrg.update(body) : ofProject.update(scope, body))),
    delete: (scope) => call(deleted, () => (scope === null ? ofOrg.delete() : ofProject.delete(scope))),
  };
}

/** Data retention of the organization (`null`) or of a project. */
export function dataRetentionResource({ org }: ResourceContext): AdminApi['dataRetention'] {
  const ofOrg = org.dataRetention;
  const ofProject = org.projects.dataRetention;
  return {
    retrieve: (scope) => call(dataRetention, () => (scope === null ? ofOrg.retrieve() : ofProject.retrieve(scope))),
    update: (scope, type) =>
      call(dataRetention, () =>
        scope === null
          ? ofOrg.update({ retention_type: type } as Parameters<typeof ofOrg.update>[0])
          : ofProject.update(scope, { retention_type: type }),
      ),
  };
}
