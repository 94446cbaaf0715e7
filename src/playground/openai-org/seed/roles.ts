import { type People, person } from './people.js';
import { RESEARCH, SUPPORT } from './project-plans.js';
import type { Projects } from './projects.js';
import type { SeedContext } from './seed-context.js';

type Principal = ['user' | 'group', string];

/**
 * Adds custom roles of the organization and of the research project and gives them, with predefined ones, to
 * people and groups, with the audit events of the recent ones.
 */
export function seedRoles(ctx: SeedContext, people: People, projects: Projects): void {
  const { state, rng } = ctx;
  const rbac = state.rbac;
  const ada = person(people.get('ada')!);
  const user = (first: string): Principal => ['user', people.get(first)!.id];
  const group = (name: string): Principal => ['group', [...state.groups.values()].find((g) => g.name === name)!.id];
  const research = projects.get(RESEARCH)!.project.id;
  const support = projects.get(SUPPORT)!.project.id;
  const custom = (days: number, name: string, permissions: string[], projectId: string | null) => {
    const time = ctx.ago(days, rng.int(1, 8));
    const role = ctx.at(time, () => rbac.addRole({ name, permissions, description: null, projectId }));
    ctx.audit(time, {
      type: 'role.created',
      payload: {
        id: role.id,
        role_name: name,
        permissions,
        resource_type: projectId === null ? 'api.organization' : 'api.project',
        resource_id: projectId ?? state.orgId,
      },
      actor: ctx.session(ada),
      projectId,
    });
    return role.id;
  };
  const billing = custom(83, 'Billing viewer', ['api.organization.costs.read', 'api.organization.usage.read'], null);
  const evaluator = custom(52, 'Evaluator', ['api.project.read', 'api.project.evals.write'], research);
  const grants: [Principal, string | null, string, number][] = [
    [user('ada'), null, 'role_org_owner', 700],
    [user('grace'), null, 'role_org_owner', 690],
    [user('margaret'), null, 'role_org_owner', 70],
    [group('Finance'), null, billing, 40],
    [user('frances'), null, billing, 82],
    [group('Data Science'), research, evaluator, 51],
    [user('joan'), research, evaluator, 50],
    [user('dorothy'), support, 'role_project_owner', 300],
    [group('Support Engineering'), support, 'role_project_member', 290],
  ];
  for (const [[type, id], projectId, roleId, days] of grants) {
    const time = ctx.ago(days, rng.int(1, 8));
    ctx.at(time, () => rbac.assign(type, id, projectId, roleId));
    if (time < ctx.ago(90)) continue;
    ctx.audit(time, {
      type: 'role.assignment.created',
      payload: {
        id: roleId,
        principal_id: id,
        principal_type: type,
        resource_id: projectId ?? state.orgId,
        resource_type: projectId === null ? 'api.organization' : 'api.project',
      },
      actor: ctx.session(ada),
      projectId,
    });
  }
}
