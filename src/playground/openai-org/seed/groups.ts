import { type People, person } from './people.js';
import { DEFAULT_PROJECT, RESEARCH, SEARCH, SUPPORT } from './project-plans.js';
import type { Projects } from './projects.js';
import type { SeedContext } from './seed-context.js';

/** Groups: [name, created days ago, members by first name]. */
const GROUPS: readonly [name: string, createdDaysAgo: number, members: string[]][] = [
  ['Platform', 500, ['ada', 'grace', 'margaret', 'edsger', 'dennis', 'seymour', 'niklaus']],
  ['Data Science', 300, ['alan', 'katherine', 'joan', 'kathleen', 'evelyn', 'claude', 'karen', 'marvin']],
  ['Support Engineering', 400, ['dorothy', 'mary', 'annie', 'hedy', 'betty', 'radia']],
  ['Finance', 40, ['grace', 'frances', 'jean']],
];

/** Which group has access to which project, with which predefined project role. */
const PROJECT_ACCESS: readonly [group: string, project: string, role: string][] = [
  ['Platform', DEFAULT_PROJECT, 'role_project_owner'],
  ['Support Engineering', SUPPORT, 'role_project_member'],
  ['Data Science', SEARCH, 'role_project_member'],
  ['Data Science', RESEARCH, 'role_project_member'],
];

/** Adds the groups with their members and the projects they have access to, and the audit events of recent ones. */
export function seedGroups(ctx: SeedContext, people: People, projects: Projects): void {
  const { state, rng } = ctx;
  const grace = people.get('grace')!;
  const ids = new Map<string, { id: string; createdAt: number }>();
  for (const [name, days, members] of GROUPS) {
    const time = ctx.ago(days, rng.int(1, 8));
    const group = ctx.at(time, () => state.addGroup({ name }));
    ids.set(name, group);
    for (const first of members) {
      const user = people.get(first)!;
      const added = Math.min(Math.max(time, user.addedAt) + rng.int(600, 86_000), ctx.now);
      ctx.at(added, () => state.addGroupUser(group.id, user.id));
    }
    if (time >= ctx.ago(90)) {
      ctx.audit(time, {
        type: 'group.created',
        payload: { id: group.id, data: { group_name: name } },
        actor: ctx.session(person(grace)),
        projectId: null,
      });
    }
  }
  for (const [name, projectName, role] of PROJECT_ACCESS) {
    const group = ids.get(name)!;
    const project = projects.get(projectName)!.project;
    const time = Math.min(Math.max(group.createdAt, project.createdAt) + rng.int(1, 10) * 86_400, ctx.now);
    ctx.at(time, () => state.addProjectGroup(project.id, { groupId: group.id, role }));
  }
}
