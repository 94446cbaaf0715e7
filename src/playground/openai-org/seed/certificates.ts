import { CORPORATE_EGRESS_PROXY, PARTNER_BRIDGE_OLD, SUPPORT_GATEWAY_MTLS } from './certificate-pems.js';
import { type People, person } from './people.js';
import { SEARCH, SUPPORT } from './project-plans.js';
import type { Projects } from './projects.js';
import type { SeedContext } from './seed-context.js';

/**
 * Adds the uploaded certificates (one active for the whole organization, one in the support project, an expired
 * one active nowhere) and the hosted tools two projects may not use, with their audit events.
 */
export function seedCertificatesAndTools(ctx: SeedContext, people: People, projects: Projects): void {
  const { state, rng } = ctx;
  const ada = person(people.get('ada')!);
  const grace = person(people.get('grace')!);
  const support = projects.get(SUPPORT)!.project;
  const search = projects.get(SEARCH)!.project;
  const uploads: [name: string, pem: string, daysAgo: number, activeIn: string | null | undefined][] = [
    ['Partner bridge (2023)', PARTNER_BRIDGE_OLD, 420, undefined],
    ['Corporate egress proxy', CORPORATE_EGRESS_PROXY, 300, null],
    ['Support gateway mTLS', SUPPORT_GATEWAY_MTLS, 47, support.id],
  ];
  for (const [name, content, days, activeIn] of uploads) {
    const time = ctx.ago(days, rng.int(1, 8));
    const record = state.certificates.add({ name, content, createdAt: time });
    const named = { id: record.id, name };
    const actor = ctx.session(activeIn === null ? ada : grace);
    if (time >= ctx.ago(90)) ctx.audit(time, { type: 'certificate.created', payload: named, actor, projectId: null });
    if (activeIn === undefined) continue;
    state.certificates.toggle([record.id], activeIn, true);
    const activated = time + rng.int(1, 48) * 3_600;
    if (activated >= ctx.ago(90)) {
      ctx.audit(activated, {
        type: 'certificates.activated',
        payload: { certificates: [named] },
        actor,
        projectId: activeIn,
      });
    }
  }
  const limits: [string, Record<string, boolean>, number][] = [
    [support.id, { web_search: false, image_generation: false, mcp: false }, 62],
    [search.id, { image_generation: false }, 38],
  ];
  for (const [projectId, changes, days] of limits) {
    state.hostedTools.set(projectId, changes);
    ctx.audit(ctx.ago(days, rng.int(1, 8)), {
      type: 'project.updated',
      payload: { id: projectId, changes_requested: { hosted_tool_permissions: changes } },
      actor: ctx.session(grace),
      projectId,
    });
  }
}
