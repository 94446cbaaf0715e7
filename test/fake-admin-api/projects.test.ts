import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { clientFor, type Json } from './fake-client.js';

let api: FakeAdminApi;
let client: ReturnType<typeof clientFor>;

beforeAll(async () => {
  api = await startFakeAdminApi();
  client = clientFor(api);
});
beforeEach(() => api.reset());
afterAll(async () => {
  await api.close();
});

const ids = (reply: { body: Json }) => reply.body.data.map((item: { id: string }) => item.id);

describe('projects', () => {
  it('creates, retrieves, renames and archives; archived ones are hidden unless asked for', async () => {
    api.state.now = 1_760_000_000;
    const created = await client.post('/organization/projects', { name: 'Research' });
    expect(created.body).toEqual({
      object: 'organization.project',
      id: 'proj_1',
      name: 'Research',
      created_at: 1_760_000_000,
      archived_at: null,
      status: 'active',
      external_key_id: null,
    });
    expect((await client.post('/organization/projects/proj_1', { name: 'R&D' })).body.name).toBe('R&D');
    api.state.now = 1_760_000_100;
    const archived = await client.post('/organization/projects/proj_1/archive');
    expect(archived.body).toMatchObject({ status: 'archived', archived_at: 1_760_000_100 });
    expect(ids(await client.get('/organization/projects'))).toEqual(['proj_default']);
    expect(ids(await client.get('/organization/projects?include_archived=true'))).toEqual(['proj_default', 'proj_1']);
    expect((await client.get('/organization/projects?include_archived=yes')).status).toBe(400);
  });

  it('refuses to modify the default project or an archived one, and to archive twice', async () => {
    const defaultEdit = await client.post('/organization/projects/proj_default', { name: 'x' });
    expect(defaultEdit.status).toBe(400);
    expect(defaultEdit.body.error.type).toBe('invalid_request_error');
    api.state.addProject({ name: 'Old', archived: true });
    expect((await client.post('/organization/projects/proj_1', { name: 'x' })).status).toBe(400);
    expect((await client.post('/organization/projects/proj_1/archive')).status).toBe(400);
    expect((await client.post('/organization/projects', {})).body.error).toMatchObject({
      param: 'name',
      code: 'missing_required_parameter',
    });
  });
});

describe('project users', () => {
  it('adds org members by id or email, changes roles and removes them', async () => {
    api.state.addUser({ email: 'a@x.com', name: 'A' });
    api.state.addUser({ email: 'b@x.com' });
    const project = api.state.addProject({ name: 'P' });
    const base = `/organization/projects/${project.id}/users`;
    const byId = await client.post(base, { user_id: 'user_1', role: 'owner' });
    expect(byId.body).toMatchObject({
      object: 'organization.project.user',
      id: 'user_1',
      email: 'a@x.com',
      role: 'owner',
    });
    expect((await client.post(base, { email: 'b@x.com', role: 'member' })).body.id).toBe('user_2');
    expect((await client.post(base, { user_id: 'user_1', role: 'member' })).status).toBe(409);
    expect((await client.post(base, { user_id: 'user_9', role: 'member' })).status).toBe(404);
    expect((await client.post(base, { role: 'member' })).status).toBe(400);
    expect((await client.post(`${base}/user_2`, { role: 'owner' })).body.role).toBe('owner');
    expect((await client.post(`${base}/user_2`, { role: 'reader' })).status).toBe(400);
    expect((await client.del(`${base}/user_2`)).body.object).toBe('organization.project.user.deleted');
    expect(ids(await client.get(base))).toEqual(['user_1']);
  });

  it('answers 400 on an archived project', async () => {
    api.state.addUser({ email: 'a@x.com' });
    api.state.addProject({ name: 'Old', archived: true });
    expect((await client.get('/organization/projects/proj_1/users')).status).toBe(400);
    expect(
      (await client.post('/organization/projects/proj_1/users', { user_id: 'user_1', role: 'member' })).status,
    ).toBe(400);
  });
});

describe('service accounts and project API keys', () => {
  it('creates a service account with a fresh secret, or without one when asked', async () => {
    const project = api.state.addProject({ name: 'P' });
    const base = `/organization/projects/${project.id}/service_accounts`;
    const created = await client.post(base, { name: 'deployer' });
    expect(created.body).toMatchObject({
      object: 'organization.project.service_account',
      id: 'svc_acct_1',
      role: 'member',
    });
    expect(created.body.api_key).toMatchObject({ object: 'organization.project.service_account.api_key', id: 'key_1' });
    expect(created.body.api_key.value).toMatch(/^sk-svcacct-[\w-]{40,}$/);
    const bare = await client.post(base, { name: 'bare', create_service_account_only: true });
    expect(bare.body).toMatchObject({ role: 'none', api_key: null });
    const extra = await client.post(`${base}/svc_acct_1/api_keys`, { name: 'second' });
    expect(extra.body.value).not.toBe(created.body.api_key.value);
    expect((await client.get(`${base}/svc_acct_1`)).body.api_key).toBeUndefined();
    expect(ids(await client.get(base))).toEqual(['svc_acct_1', 'svc_acct_2']);
    expect((await client.del(`${base}/svc_acct_1`)).body.deleted).toBe(true);
    expect(api.state.projects.get(project.id)?.apiKeys.size).toBe(0);
  });

  it('lists keys with owner details and refuses to delete a service-account key', async () => {
    api.state.addUser({ email: 'a@x.com', name: 'A' });
    const project = api.state.addProject({ name: 'P' });
    api.state.addProjectUser(project.id, { userId: 'user_1', role: 'owner' });
    api.state.addProjectApiKey(project.id, { userId: 'user_1', name: 'mine', lastUsedAt: 1_700_000_000 });
    api.state.addServiceAccount(project.id, { name: 'bot' });
    const base = `/organization/projects/${project.id}/api_keys`;
    const list = await client.get(base);
    expect(list.body.data[0]).toMatchObject({
      object: 'organization.project.api_key',
      id: 'key_1',
      last_used_at: 1_700_000_000,
      owner_project_access: 'active',
      owner: { type: 'user', user: { id: 'user_1', email: 'a@x.com', role: 'owner' } },
    });
    expect(list.body.data[1].owner).toMatchObject({ type: 'service_account', service_account: { id: 'svc_acct_1' } });
    const refused = await client.del(`${base}/key_2`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/service account/);
    await client.del(`/organization/projects/${project.id}/users/user_1`);
    expect(ids(await client.get(base))).toEqual(['key_2']);
    expect(ids(await client.get(`${base}?owner_project_access=inactive`))).toEqual(['key_1']);
    expect((await client.del(`${base}/key_1`)).body).toEqual({
      id: 'key_1',
      object: 'organization.project.api_key.deleted',
      deleted: true,
    });
  });
});

describe('rate limits and model permissions', () => {
  it('lists seeded per-model limits and updates them with integers only', async () => {
    const base = '/organization/projects/proj_default/rate_limits';
    const list = await client.get(base);
    expect(list.body.data[0]).toMatchObject({ object: 'project.rate_limit', id: 'rl-gpt-4o', model: 'gpt-4o' });
    const page = await client.get(`${base}?limit=2&after=rl-gpt-4o-mini`);
    expect(page.body).toMatchObject({ first_id: 'rl-o3', has_more: true });
    const updated = await client.post(`${base}/rl-gpt-4o`, { max_requests_per_1_minute: 500 });
    expect(updated.body.max_requests_per_1_minute).toBe(500);
    expect((await client.post(`${base}/rl-gpt-4o`, { max_requests_per_1_minute: 1.5 })).status).toBe(400);
    expect((await client.post(`${base}/rl-gpt-4o`, { max_tokens_per_1_minute: '9' })).status).toBe(400);
    expect((await client.post(`${base}/rl-gpt-4o`, { max_images_per_1_minute: 5 })).body.error.param).toBe(
      'max_images_per_1_minute',
    );
    expect((await client.post(`${base}/rl-nope`, {})).status).toBe(404);
  });

  it('answers an empty deny-list until permissions are set, replaces them on POST and removes them on DELETE', async () => {
    const path = '/organization/projects/proj_default/model_permissions';
    const unrestricted = { object: 'project.model_permissions', mode: 'deny_list', model_ids: [] };
    expect((await client.get(path)).body).toEqual(unrestricted);
    await client.post(path, { mode: 'allow_list', model_ids: ['gpt-4.1', 'o3'] });
    const replaced = await client.post(path, { mode: 'deny_list', model_ids: ['o3'] });
    expect(replaced.body).toEqual({ object: 'project.model_permissions', mode: 'deny_list', model_ids: ['o3'] });
    expect((await client.get(path)).body.model_ids).toEqual(['o3']);
    expect((await client.post(path, { mode: 'block_list', model_ids: [] })).body.error.param).toBe('mode');
    expect((await client.del(path)).body).toEqual({ object: 'project.model_permissions.deleted', deleted: true });
    expect((await client.get(path)).body).toEqual(unrestricted);
  });

  it('answers 404 for permissions never set when made to, as some servers do', async () => {
    api.state.absentSettingsAnswer = 'not_found';
    const path = '/organization/projects/proj_default/model_permissions';
    expect((await client.get(path)).body.error.code).toBe('not_found');
    expect((await client.del(path)).status).toBe(404);
  });
});
