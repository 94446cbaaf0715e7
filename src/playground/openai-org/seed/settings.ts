import type { UserRecord } from '../state/records.js';
import { type People, person } from './people.js';
import { DEFAULT_PROJECT, RESEARCH, SEARCH, SUPPORT } from './project-plans.js';
import type { Projects } from './projects.js';
import { DAY, type SeedContext } from './seed-context.js';

/** Admin keys besides the playground's own: [name, created days ago, last used days ago, expires in days]. */
const ADMIN_KEYS: readonly [string, number, number | null, number | null][] = [
  ['Terraform', 400, 2, null],
  ['Finance cost export', 210, 0.6, null],
  ['Audit log archiver', 380, 160, null],
  ['Contractor onboarding', 20, 6, 10],
];

/**
 * Adds the organization's settings: admin keys (the playground's own is Ada's "Slack bot"), rate limits, model
 * permissions, spend alerts and limits, data retention, a member who left, with their audit events.
 */
export function seedSettings(ctx: SeedContext, people: People, projects: Projects): void {
  const { state, rng } = ctx;
  const member = (first: string): UserRecord => people.get(first)!;
  const ada = member('ada');
  const grace = member('grace');
  const bot = state.requireAdminKey(state.botKeyId);
  bot.createdAt = ctx.ago(34, 3);
  bot.lastUsedAt = ctx.ago(0, 0.2);
  bot.owner = { ...bot.owner, id: ada.id, name: ada.name ?? ada.email, created_at: ada.addedAt };
  ctx.audit(bot.createdAt, {
    type: 'api_key.created',
    payload: { id: bot.id, data: { scopes: ['api.management.read', 'api.management.write'] } },
    actor: ctx.session(person(ada)),
    projectId: null,
  });
  let terraform = bot.id;
  for (const [name, created, lastUsed, expiresIn] of ADMIN_KEYS) {
    const time = ctx.ago(created, rng.int(1, 8));
    const key = ctx.at(time, () =>
      state.addAdminKey({ name, ...(expiresIn === null ? {} : { expiresInSeconds: (created + expiresIn) * DAY }) }),
    );
    key.value = rng.secret('sk-admin-');
    key.lastUsedAt = lastUsed === null ? null : Math.round(ctx.lastUse(lastUsed));
    if (name === 'Terraform') terraform = key.id;
    if (time >= ctx.ago(90)) {
      ctx.audit(time, {
        type: 'api_key.created',
        payload: { id: key.id, data: { scopes: ['api.management.read'] } },
        actor: ctx.session(person(ada)),
        projectId: null,
      });
    }
  }
  const byTerraform = ctx.adminKey(terraform, person(ada));
  const research = projects.get(RESEARCH)!.project;
  const support = projects.get(SUPPORT)!.project;
  const search = projects.get(SEARCH)!.project;
  const defaults = projects.get(DEFAULT_PROJECT)!.project;

  const limits = [
    { project: research, model: 'gpt-4o', rpm: 500, tpm: 450_000, batch: 50_000_000, days: 72 },
    { project: research, model: 'o3', rpm: 500, tpm: 300_000, batch: 30_000_000, days: 72 },
    { project: support, model: 'gpt-4o-mini', rpm: 20_000, tpm: 100_000_000, batch: 10_000_000_000, days: 66 },
  ];
  for (const limit of limits) {
    state.addRateLimit(limit.project.id, {
      model: limit.model,
      max_requests_per_1_minute: limit.rpm,
      max_tokens_per_1_minute: limit.tpm,
      batch_1_day_max_input_tokens: limit.batch,
    });
    ctx.audit(ctx.ago(limit.days, rng.int(1, 8)), {
      type: 'rate_limit.updated',
      payload: {
        id: `rl-${limit.model}`,
        changes_requested: { max_requests_per_1_minute: limit.rpm, max_tokens_per_1_minute: limit.tpm },
      },
      actor: byTerraform,
      projectId: limit.project.id,
    });
  }
  state.addRateLimit(defaults.id, {
    model: 'dall-e-3',
    max_requests_per_1_minute: 500,
    max_tokens_per_1_minute: 0,
    max_images_per_1_minute: 10,
  });

  const allow = {
    mode: 'allow_list' as const,
    model_ids: ['gpt-4o', 'gpt-4o-mini', 'text-embedding-3-small', 'whisper-1'],
  };
  state.setModelPermissions(support.id, allow);
  const deny = { mode: 'deny_list' as const, model_ids: ['o1-pro', 'gpt-4.5-preview'] };
  state.setModelPermissions(research.id, deny);
  support.dataRetention = 'zero_data_retention';
  const changes: [number, string, Record<string, unknown>][] = [
    [81, support.id, { model_permissions: allow }],
    [73, research.id, { model_permissions: deny }],
    [64, support.id, { data_retention: 'zero_data_retention' }],
  ];
  for (const [days, projectId, change] of changes) {
    ctx.audit(ctx.ago(days, rng.int(1, 8)), {
      type: 'project.updated',
      payload: { id: projectId, changes_requested: change },
      actor: byTerraform,
      projectId,
    });
  }

  const finance = ['ada@example.com', 'grace@example.com', 'finance@example.com'];
  const alerts: [string | null, number, string[]][] = [
    [null, 200_000, finance],
    [null, 350_000, finance],
    [support.id, 100_000, ['grace@example.com', 'dorothy@example.com']],
    [support.id, 150_000, ['grace@example.com', 'dorothy@example.com']],
    [search.id, 40_000, ['margaret@example.com', 'karen@example.com']],
    [research.id, 30_000, ['alan@example.com']],
  ];
  for (const [projectId, cents, recipients] of alerts) {
    state.addSpendAlert({ projectId, thresholdAmount: cents, recipients, subjectPrefix: '[OpenAI spend]' });
  }
  state.setSpendLimit({ thresholdAmount: 500_000 });
  state.setSpendLimit({ projectId: research.id, thresholdAmount: 50_000 });
  ctx.audit(ctx.ago(30, 5), {
    type: 'project.updated',
    payload: { id: research.id, changes_requested: { spend_limit: { threshold_amount: 50_000 } } },
    actor: ctx.adminKey(bot.id, person(ada)),
    projectId: research.id,
  });
  ctx.audit(ctx.ago(86, 4), {
    type: 'organization.updated',
    payload: {
      id: state.orgId,
      changes_requested: { threads_ui_visibility: 'OWNERS', usage_dashboard_visibility: 'ANY_ROLE' },
    },
    actor: ctx.session(person(grace)),
    projectId: null,
  });

  const margaret = member('margaret');
  ctx.audit(ctx.ago(70, 2), {
    type: 'user.updated',
    payload: { id: margaret.id, changes_requested: { role: 'owner' } },
    actor: ctx.session(person(ada)),
    projectId: null,
  });
  const leaver = ctx.at(ctx.ago(300), () => state.addUser({ email: 'gene@example.com', name: 'Gene Amdahl' }));
  state.deleteUser(leaver.id);
  ctx.audit(ctx.ago(58, 6), {
    type: 'user.deleted',
    payload: { id: leaver.id },
    actor: ctx.session(person(grace)),
    projectId: null,
  });
}
