import type { AdminApi } from '../../domain/admin-api/admin-api.js';
import { certificate, certificateToggle, hostedToolPermissions } from '../../domain/admin-api/certificates.js';
import { deleted } from '../../domain/admin-api/organization.js';
import { call, listing, parse, type SdkPage, type SdkPromise, sdkPage } from '../call.js';
import type { ResourceContext } from './context.js';

/** `/organization/certificates` and their activation per organization or project. */
export function certificatesResource({ org, limits }: ResourceContext): AdminApi['certificates'] {
  const ofOrg = org.certificates;
  const ofProject = org.projects.certificates;
  /** Activation answers with one page of the certificates it touched. */
  const toggle = async (send: () => SdkPromise<SdkPage>) => {
    const page = await sdkPage(certificate, send);
    return { data: parse(certificateToggle, { data: page.items }, page.requestId), requestId: page.requestId };
  };
  return {
    list: (scope, params = {}) =>
      listing('certificates', limits, certificate, (after) => {
        const query = { limit: params.limit ?? 100, after };
        return scope === null ? ofOrg.list(query) : ofProject.list(scope, query);
      }),
    upload: (body) => call(certificate, () => ofOrg.create(body)),
    retrieve: (id) => call(certificate, () => ofOrg.retrieve(id)),
    rename: (id, name) => call(certificate, () => ofOrg.update(id, { name })),
    delete: (id) => call(deleted, () => ofOrg.delete(id)),
    activate: (scope, ids) => {
      const body = { certificate_ids: [...ids] };
      return toggle(() => (scope === null ? ofOrg.activate(body) : ofProject.activate(scope, body)));
    },
    deactivate: (scope, ids) => {
      const body = { certificate_ids: [...ids] };
      return toggle(() => (scope === null ? ofOrg.deactivate(body) : ofProject.deactivate(scope, body)));
    },
  };
}

/** `/organization/projects/{project_id}/hosted_tool_permissions`. */
export function hostedToolsResource({ org }: ResourceContext): AdminApi['hostedTools'] {
  const tools = org.projects.hostedToolPermissions;
  return {
    retrieve: (projectId) => call(hostedToolPermissions, () => tools.retrieve(projectId)),
    update: (projectId, changes) => call(hostedToolPermissions, () => tools.update(projectId, changes)),
  };
}
