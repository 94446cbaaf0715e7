import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Policy } from '../../src/domain/policy/policy.js';
import { SuggestionService } from '../../src/domain/suggestions.js';
import { type AdminApiClient, createAdminApi } from '../../src/openai-admin/index.js';
import { parsePolicy } from '../../src/policy-file.js';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { MINIMAL_POLICY, USERS } from '../helpers/policy.js';

const viewer = { userId: USERS.viewer, source: 'slack' as const };

describe('suggestions for form pickers', () => {
  let api: FakeAdminApi;
  let admin: AdminApiClient;
  const policy = new Policy(parsePolicy(MINIMAL_POLICY));
  beforeAll(async () => {
    api = await startFakeAdminApi();
    admin = createAdminApi({ baseUrl: api.url, adminKey: 'sk-admin-test-key', retry: { maxRetries: 0 } });
  });
  afterAll(async () => {
    await admin.close();
    await api.close();
  });
  beforeEach(() => api.reset());

  const listCalls = () => api.requests.filter((r) => r.path === '/organization/projects').length;

  it('ranks names that start with the query first, then the rest alphabetically', async () => {
    for (const name of ['Zeta research', 'Research', 'Alpha research', 'Other']) api.state.addProject({ name });
    const found = await new SuggestionService({ admin, policy }).projects(viewer, 'research');
    expect(found.map((s) => s.label.split(' · ')[0])).toEqual(['Research', 'Alpha research', 'Zeta research']);
  });

  it('reads every page of a large organization, then answers keystrokes from a short-lived copy', async () => {
    for (let i = 0; i < 230; i++) api.state.addProject({ name: `Project ${String(i).padStart(3, '0')}` });
    const service = new SuggestionService({ admin, policy });
    expect(await service.projects(viewer, 'project 229')).toHaveLength(1);
    const calls = listCalls();
    expect(calls).toBe(3);
    expect(await service.projects(viewer, 'project 00', { limit: 5 })).toHaveLength(5);
    expect(listCalls()).toBe(calls);
  });

  it('answers within its time budget with what it found when OpenAI is slow', async () => {
    api.state.addProject({ name: 'Research' });
    api.setDelay(600);
    const started = Date.now();
    const found = await new SuggestionService({ admin, policy }).projects(viewer, 'res', { budgetMs: 150 });
    expect(Date.now() - started).toBeLessThan(450);
    expect(found).toEqual([]);
  });

  it('suggests nothing, and reads nothing, for someone the policy does not name', async () => {
    api.state.addProject({ name: 'Research' });
    const found = await new SuggestionService({ admin, policy }).projects(
      { userId: USERS.stranger, source: 'slack' },
      '',
    );
    expect(found).toEqual([]);
    expect(api.requests).toHaveLength(0);
  });

  it('suggests nothing, and reads nothing, outside the channels the listing is restricted to', async () => {
    api.state.addProject({ name: 'Research' });
    const restricted = new Policy(parsePolicy(`${MINIMAL_POLICY}operations:\n  "projects.*":\n    channels: [COPS]\n`));
    const service = new SuggestionService({ admin, policy: restricted });
    expect(await service.projects({ ...viewer, channelId: 'CRANDOM' }, '')).toEqual([]);
    expect(await service.projects(viewer, '')).toEqual([]);
    expect(api.requests).toHaveLength(0);
    const here = await service.projects({ ...viewer, channelId: 'COPS' }, 'research');
    expect(here.map((s) => s.label.split(' · ')[0])).toEqual(['Research']);
  });

  it('offers a member by email, or by user id when the email is too long for a Slack option', async () => {
    const long = `${'x'.repeat(70)}@example.com`;
    const user = api.state.addUser({ email: long, name: 'Long' });
    api.state.addUser({ email: 'ann@x.com' });
    const found = await new SuggestionService({ admin, policy }).users(viewer, '');
    expect(found).toEqual([
      { value: 'ann@x.com', label: 'ann@x.com' },
      { value: user.id, label: `Long <${long}>` },
    ]);
  });
});
