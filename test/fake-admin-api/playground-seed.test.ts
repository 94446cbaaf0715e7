import { describe, expect, it } from 'vitest';
import { createBotKeyCheck } from '../../src/domain/secrets/bot-key.js';
import { redact } from '../../src/playground/openai-org/ids.js';
import {
  FakeState,
  PLAYGROUND_SLACK_PEOPLE,
  seedPlaygroundOrganization,
} from '../../src/playground/openai-org/index.js';
import { encodeFields } from '../../src/playground/openai-org/persistence/state-codec.js';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { clientFor, type Json } from './fake-client.js';

const NOW = Date.UTC(2026, 10, 20, 15, 30) / 1000;
const USAGE_KINDS = [
  'completions',
  'embeddings',
  'moderations',
  'images',
  'audio_speeches',
  'audio_transcriptions',
  'vector_stores',
  'code_interpreter_sessions',
  'file_search_calls',
  'web_search_calls',
];
const DAY = 86_400;
const BOT_KEY = 'sk-admin-playground';

function seeded(now = NOW): FakeState {
  const state = new FakeState(BOT_KEY);
  state.now = now;
  seedPlaygroundOrganization(state, now);
  return state;
}

describe('the seeded playground organization', () => {
  const state = seeded();
  const projects = [...state.projects.values()];
  const keys = projects.flatMap((project) => [...project.apiKeys.values()]);

  it('has about 25 members, among them the four people of the playground’s Slack workspace with their roles', () => {
    expect(state.users.size).toBeGreaterThanOrEqual(22);
    expect(state.users.size).toBeLessThanOrEqual(30);
    for (const person of PLAYGROUND_SLACK_PEOPLE) {
      const user = state.findUserByEmail(person.email);
      expect([user?.name, user?.role]).toEqual([person.name, person.role]);
    }
    expect(PLAYGROUND_SLACK_PEOPLE.map((p) => [p.email, p.role])).toEqual([
      ['ada@example.com', 'owner'],
      ['grace@example.com', 'owner'],
      ['alan@example.com', 'reader'],
      ['katherine@example.com', 'reader'],
    ]);
    expect([...state.users.values()].every((user) => user.name && user.email.endsWith('@example.com'))).toBe(true);
  });

  it('has open, expired and accepted invites', () => {
    const statuses = [...state.invites.values()].map((invite) => state.inviteStatus(invite));
    expect(statuses.filter((s) => s === 'pending').length).toBeGreaterThanOrEqual(3);
    expect(statuses).toContain('expired');
    expect(statuses).toContain('accepted');
  });

  it('has five projects, one archived, each with members, and service accounts with keys', () => {
    expect(projects).toHaveLength(5);
    expect(projects.filter((project) => project.archivedAt !== null).map((p) => p.name)).toEqual(['Legacy Chatbot']);
    for (const project of projects) expect(project.members.size).toBeGreaterThanOrEqual(4);
    expect(projects.reduce((n, project) => n + project.serviceAccounts.size, 0)).toBeGreaterThanOrEqual(5);
    expect(keys.filter((key) => key.owner.type === 'service_account').length).toBeGreaterThanOrEqual(5);
  });

  it('has project keys used in the last day, keys unused for more than 90 days and keys never used', () => {
    expect(keys.length).toBeGreaterThanOrEqual(15);
    expect(keys.filter((key) => key.lastUsedAt !== null && key.lastUsedAt > NOW - DAY).length).toBeGreaterThanOrEqual(
      4,
    );
    expect(
      keys.filter((key) => key.lastUsedAt !== null && key.lastUsedAt < NOW - 90 * DAY).length,
    ).toBeGreaterThanOrEqual(4);
    expect(keys.filter((key) => key.lastUsedAt === null).length).toBeGreaterThanOrEqual(2);
    for (const key of keys) expect(key.lastUsedAt ?? key.createdAt).toBeGreaterThanOrEqual(key.createdAt);
  });

  it('has admin keys owned by Ada, the playground’s own among them so the bot recognises it', () => {
    const admin = [...state.adminKeys.values()];
    expect(admin.length).toBeGreaterThanOrEqual(4);
    const own = admin.filter((key) => createBotKeyCheck(BOT_KEY).isBotKey(redact(key.value)));
    expect(own.map((key) => [key.name, key.owner.name])).toEqual([['Slack bot', 'Ada Lovelace']]);
    expect(state.owner.email).toBe('ada@example.com');
    expect(admin.some((key) => key.lastUsedAt !== null && key.lastUsedAt < NOW - 90 * DAY)).toBe(true);
  });

  it('has rate limits, model permissions, spend alerts and limits, data retention, groups with access to projects, roles, certificates and hosted tool limits', () => {
    const byName = new Map(projects.map((project) => [project.name, project]));
    const research = byName.get('Research Sandbox')!;
    const support = byName.get('Support Assistant')!;
    expect(research.rateLimits.get('rl-gpt-4o')?.max_requests_per_1_minute).toBe(500);
    expect(support.modelPermissions?.mode).toBe('allow_list');
    expect(research.modelPermissions?.mode).toBe('deny_list');
    expect(support.dataRetention).toBe('zero_data_retention');
    expect(state.orgSpendAlerts.size).toBeGreaterThanOrEqual(2);
    expect(projects.filter((project) => project.spendAlerts.size > 0).length).toBeGreaterThanOrEqual(3);
    expect(state.orgSpendLimit?.threshold_amount).toBe(500_000);
    expect(research.spendLimit?.threshold_amount).toBe(50_000);
    expect(state.groups.size).toBeGreaterThanOrEqual(3);
    for (const group of state.groups.values()) expect(group.members.size).toBeGreaterThanOrEqual(3);
    const certificates = [...state.certificates.records.values()].map((c) => [
      c.name,
      state.certificates.activation(c.id),
    ]);
    expect(certificates).toEqual([
      ['Partner bridge (2023)', { organization: false, projectIds: [] }],
      ['Corporate egress proxy', { organization: true, projectIds: [] }],
      ['Support gateway mTLS', { organization: false, projectIds: [support.id] }],
    ]);
    expect(state.hostedTools.of(support.id)).toMatchObject({ web_search: false, file_search: true });
    const finance = [...state.groups.values()].find((group) => group.name === 'Finance')!;
    expect(state.rbac.heldBy('group', finance.id, null).map(({ role }) => role.name)).toEqual(['Billing viewer']);
    const joan = state.findUserByEmail('joan@example.com')!;
    expect(state.rbac.heldBy('user', joan.id, research.id).map(({ role }) => role.name)).toEqual(['Evaluator']);
    expect(
      projects
        .filter((project) => project.groups.size > 0)
        .map((p) => p.name)
        .sort(),
    ).toEqual(['Default project', 'Knowledge Search', 'Research Sandbox', 'Support Assistant']);
  });

  it('spends every day of three months, per project, line item and key, tens to hundreds of dollars a day in all', () => {
    const days = new Map<number, number>();
    for (const cost of state.costs) days.set(cost.startTime, (days.get(cost.startTime) ?? 0) + cost.amount);
    expect(days.size).toBe(91);
    const whole = [...days.entries()].filter(([day]) => day + DAY <= NOW).map(([, amount]) => amount);
    expect(Math.min(...whole)).toBeGreaterThan(10);
    expect(Math.max(...whole)).toBeLessThan(1_000);
    const lastMonth = whole.slice(-30).reduce((a, b) => a + b, 0);
    expect(lastMonth).toBeGreaterThan(1_000);
    expect(lastMonth).toBeLessThan(10_000);
    const perProject = new Set(state.costs.map((cost) => cost.projectId));
    expect(perProject.size).toBe(5);
    expect(new Set(state.costs.map((cost) => cost.lineItem)).size).toBeGreaterThanOrEqual(12);
    expect(state.costs.every((cost) => cost.apiKeyId !== null && cost.quantity !== null && cost.quantity > 0)).toBe(
      true,
    );
  });

  it('answers three months of completions usage behind the model costs, by model, batch and person', async () => {
    const api = await startFakeAdminApi();
    try {
      seedPlaygroundOrganization(api.state, NOW);
      api.state.now = NOW;
      const results = (await usageBuckets(api, NOW - (NOW % DAY) - 90 * DAY, NOW, ['model', 'batch', 'user_id'])).map(
        (b) => b.results,
      );
      expect(results).toHaveLength(91);
      expect(results.every((bucket) => bucket.length > 0)).toBe(true);
      const all = results.flat();
      expect(new Set(all.map((r) => r.model)).size).toBeGreaterThanOrEqual(4);
      expect(all.some((r) => r.batch === true)).toBe(true);
      expect(all.some((r) => r.user_id !== null)).toBe(true);
      expect(all.every((r) => r.input_tokens > 0 && r.num_model_requests > 0)).toBe(true);
      const nextDay = `start_time=${NOW}&end_time=${NOW + DAY}&bucket_width=1m&limit=1440`;
      const later = await clientFor(api).get(`/organization/usage/completions?${nextDay}`);
      expect(later.body.data).toHaveLength(1440);
      expect(later.body.data.flatMap((bucket: Json) => bucket.results)).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('answers usage of every kind on most days of the three months', async () => {
    const api = await startFakeAdminApi();
    try {
      seedPlaygroundOrganization(api.state, NOW);
      api.state.now = NOW;
      for (const kind of USAGE_KINDS) {
        const buckets = await usageBuckets(api, NOW - (NOW % DAY) - 90 * DAY, NOW, [], kind);
        expect(buckets.filter((bucket) => bucket.results.length > 0).length, kind).toBeGreaterThanOrEqual(60);
      }
    } finally {
      await api.close();
    }
  });

  it('has a few hundred audit events of many types over those months, numbered in the order they happened', () => {
    const log = state.auditLogs;
    expect(log.length).toBeGreaterThanOrEqual(200);
    expect(log.length).toBeLessThanOrEqual(600);
    expect(new Set(log.map((event) => event.type)).size).toBeGreaterThanOrEqual(15);
    const months = new Set(log.map((event) => Math.floor((NOW - event.effective_at) / ((91 * DAY) / 3))));
    expect([...months].sort()).toEqual([0, 1, 2]);
    const times = log.map((event) => event.effective_at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(log.map((event) => event.id)).toEqual(log.map((_, index) => `audit_log-${index + 1}`));
  });

  it('dates nothing after the moment it is seeded at', () => {
    const times = [
      ...state.auditLogs.map((event) => event.effective_at),
      ...state.costs.map((cost) => cost.startTime),
      ...[...state.users.values()].map((user) => user.addedAt),
      ...keys.flatMap((key) => [key.createdAt, key.lastUsedAt ?? 0]),
      ...[...state.invites.values()].map((invite) => invite.createdAt),
    ];
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
  });

  it('is the same organization, ids and key secrets included, whenever it is seeded for the same moment', () => {
    const fields = (s: FakeState) => Object.fromEntries(encodeFields(s, new Set()));
    expect(fields(seeded())).toEqual(fields(state));
    const later = seeded(NOW + 7 * DAY);
    expect(later.auditLogs.at(-1)?.effective_at).not.toBe(state.auditLogs.at(-1)?.effective_at);
  });

  it('leaves the organization’s clock as it found it', () => {
    const fresh = new FakeState(BOT_KEY);
    fresh.now = NOW + 123;
    seedPlaygroundOrganization(fresh, NOW);
    expect(fresh.now).toBe(NOW + 123);
  });
});

/** Every daily bucket of one kind of usage in `[start, end)`, page after page. */
async function usageBuckets(
  api: FakeAdminApi,
  start: number,
  end: number,
  groupBy: string[],
  kind = 'completions',
): Promise<Json[]> {
  const buckets: Json[] = [];
  let page: string | null = null;
  do {
    const query = new URLSearchParams({ start_time: String(start), end_time: String(end), limit: '31' });
    for (const field of groupBy) query.append('group_by', field);
    if (page) query.set('page', page);
    const reply = await clientFor(api).get(`/organization/usage/${kind}?${query}`);
    expect(reply.status).toBe(200);
    buckets.push(...reply.body.data);
    page = reply.body.has_more ? reply.body.next_page : null;
  } while (page);
  return buckets;
}
