import type { ProjectApiKeyRecord, ProjectRecord } from '../state/records.js';
import { type People, person } from './people.js';
import { DEFAULT_PROJECT, type LastUsed, PLANS, type ProjectPlan } from './project-plans.js';
import { DAY, type SeedContext } from './seed-context.js';

/** A seeded project and its API keys by name. */
export interface SeededProject {
  project: ProjectRecord;
  keys: Map<string, ProjectApiKeyRecord>;
}

/** Projects by name. */
export type Projects = Map<string, SeededProject>;

/** Adds the projects with their members, service accounts and keys, one archived, and their audit events. */
export function seedProjects(ctx: SeedContext, people: People): Projects {
  const projects: Projects = new Map();
  for (const plan of PLANS) projects.set(plan.name, seedProject(ctx, people, plan));
  return projects;
}

function seedProject(ctx: SeedContext, people: People, plan: ProjectPlan): SeededProject {
  const { state, rng } = ctx;
  const created = ctx.ago(plan.createdDaysAgo, rng.int(1, 8));
  const user = (first: string) => {
    const found = people.get(first);
    if (!found) throw new Error(`The seed names no member ${first}.`);
    return found;
  };
  const owner = user(plan.members.find(([, role]) => role === 'owner')?.[0] ?? 'ada');
  let project: ProjectRecord;
  if (plan.name === DEFAULT_PROJECT) {
    project = state.requireProject(state.defaultProjectId);
    project.createdAt = created;
  } else {
    project = ctx.at(created, () => state.addProject({ name: plan.name }));
    if (created >= ctx.ago(90)) {
      ctx.audit(created, {
        type: 'project.created',
        payload: { id: project.id, data: { name: plan.name, title: plan.name } },
        actor: ctx.session(person(owner)),
        projectId: project.id,
      });
    }
  }
  const closing = plan.archivedDaysAgo === undefined ? ctx.now : ctx.ago(plan.archivedDaysAgo);
  for (const [first, role] of plan.members) {
    const member = user(first);
    const earliest = Math.max(created, member.addedAt);
    const added = Math.min(earliest + rng.int(1, 14) * DAY + rng.int(0, 20_000), closing - DAY, ctx.now - 3_600);
    ctx.at(Math.max(earliest, added), () => state.addProjectUser(project.id, { userId: member.id, role }));
    if (added >= ctx.ago(90) && member.id !== owner.id) {
      ctx.audit(added, {
        type: 'user.added',
        payload: { id: member.id, data: { role } },
        actor: ctx.session(person(owner)),
        projectId: project.id,
      });
    }
  }
  const keys = new Map<string, ProjectApiKeyRecord>();
  for (const [name, days, lastUsed] of plan.serviceAccounts) {
    const time = ctx.ago(days, rng.int(1, 8));
    const { serviceAccount, apiKey } = ctx.at(time, () => state.addServiceAccount(project.id, { name }));
    if (!apiKey) continue;
    finishKey(ctx, apiKey, name, lastUsed, 'sk-svcacct-');
    keys.set(name, apiKey);
    if (time >= ctx.ago(90)) {
      ctx.audit(time, {
        type: 'service_account.created',
        payload: { id: serviceAccount.id, data: { role: 'member' } },
        actor: ctx.session(person(owner)),
        projectId: project.id,
      });
    }
  }
  for (const [first, name, days, lastUsed] of plan.userKeys) {
    const keyOwner = user(first);
    const time = Math.max(ctx.ago(days, rng.int(1, 8)), keyOwner.addedAt + 3_600);
    const key = ctx.at(time, () => state.addProjectApiKey(project.id, { userId: keyOwner.id, name }));
    finishKey(ctx, key, name, lastUsed, 'sk-proj-');
    keys.set(name, key);
    if (time >= ctx.ago(90)) {
      ctx.audit(time, {
        type: 'api_key.created',
        payload: { id: key.id, data: { scopes: [] } },
        actor: ctx.session(person(keyOwner)),
        projectId: project.id,
      });
    }
  }
  if (plan.archivedDaysAgo !== undefined) {
    ctx.at(closing, () => state.archiveProject(project.id));
    ctx.audit(closing, {
      type: 'project.archived',
      payload: { id: project.id },
      actor: ctx.session(person(owner)),
      projectId: project.id,
    });
  }
  return { project, keys };
}

/** Names the key, gives it a secret that is the same on every run and the time it was last used. */
function finishKey(ctx: SeedContext, key: ProjectApiKeyRecord, name: string, lastUsed: LastUsed, prefix: string): void {
  key.name = name;
  key.value = ctx.rng.secret(prefix);
  key.lastUsedAt = lastUsed === null ? null : Math.max(key.createdAt, Math.round(ctx.lastUse(lastUsed)));
}
