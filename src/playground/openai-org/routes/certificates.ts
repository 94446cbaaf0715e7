import { z } from 'zod';
import { parseBody } from '../body.js';
import { idCursorPage, ordered } from '../pagination.js';
import type { RouteContext, Router } from '../router.js';
import type { CertificateRecord } from '../state/certificates.js';
import { certificateItemView, certificateView } from '../views/certificate-views.js';

const ORG = '/organization/certificates';
const PROJECT = '/organization/projects/:project_id/certificates';

const uploadBody = z.strictObject({ name: z.string().optional(), certificate: z.string().min(1) });
const modifyBody = z.strictObject({ name: z.string().optional() });
const toggleBody = z.strictObject({ certificate_ids: z.array(z.string().min(1)).min(1).max(10) });

type Level = 'organization' | 'project';

const named = (record: CertificateRecord) => ({
  id: record.id,
  ...(record.name === null ? {} : { name: record.name }),
});

/**
 * Certificates for mutual TLS: uploaded once to the organization, then activated for the organization or per
 * project. Lists are newest first unless `order=asc`; a project's list shows every certificate with its state there.
 */
export function registerCertificateRoutes(router: Router): void {
  // Before `/:certificate_id`, which would otherwise take `activate` and `deactivate` for ids.
  registerLevel(router, ORG, 'organization');
  registerLevel(router, PROJECT, 'project');

  router.post(ORG, ({ state, body, audit }) => {
    const input = parseBody(uploadBody, body);
    const record = state.certificates.add({ content: input.certificate, name: input.name ?? null });
    audit('certificate.created', named(record), null);
    return certificateView(record);
  });

  router.get(`${ORG}/:certificate_id`, ({ state, param, query }) => {
    const include = query.listOf('include', ['content'] as const);
    return certificateView(state.certificates.require(param('certificate_id')), include.includes('content'));
  });

  router.post(`${ORG}/:certificate_id`, ({ state, param, body, audit }) => {
    const record = state.certificates.require(param('certificate_id'));
    const input = parseBody(modifyBody, body);
    if (input.name !== undefined) record.name = input.name;
    audit('certificate.updated', named(record), null);
    return certificateView(record);
  });

  router.delete(`${ORG}/:certificate_id`, ({ state, param, audit }) => {
    const record = state.certificates.delete(param('certificate_id'));
    audit('certificate.deleted', { ...named(record), certificate: record.content }, null);
    return { object: 'certificate.deleted', id: record.id };
  });
}

function registerLevel(router: Router, base: string, level: Level): void {
  const projectIdOf = (ctx: RouteContext, forChange: boolean): string | null => {
    if (level === 'organization') return null;
    const id = ctx.param('project_id');
    return forChange ? ctx.state.requireActiveProject(id).id : ctx.state.requireProject(id).id;
  };
  const item = (ctx: RouteContext, projectId: string | null) => (record: CertificateRecord) =>
    certificateItemView(record, ctx.state.certificates.isActive(record.id, projectId), level);

  router.get(base, (ctx) => {
    const projectId = projectIdOf(ctx, false);
    const order = ctx.query.oneOf('order', ['asc', 'desc'] as const) ?? 'desc';
    const records = ordered(ctx.state.certificates.records.values(), order);
    const params = { limit: ctx.query.limit(20, 1, 100), after: ctx.query.string('after') };
    return idCursorPage(records, params, item(ctx, projectId));
  });

  for (const [action, active] of [
    ['activate', true],
    ['deactivate', false],
  ] as const) {
    router.post(`${base}/${action}`, (ctx) => {
      const projectId = projectIdOf(ctx, true);
      const input = parseBody(toggleBody, ctx.body);
      const records = ctx.state.certificates.toggle([...new Set(input.certificate_ids)], projectId, active);
      ctx.audit(
        `certificates.${active ? 'activated' : 'deactivated'}`,
        { certificates: records.map(named) },
        projectId,
      );
      const prefix = level === 'organization' ? 'organization' : 'organization.project';
      return {
        object: `${prefix}.certificate.${active ? 'activation' : 'deactivation'}`,
        data: records.map(item(ctx, projectId)),
      };
    });
  }
}
