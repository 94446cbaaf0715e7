import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeAdminApi, INVITE_TTL_SECONDS, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { call, clientFor } from './fake-client.js';

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

describe('invites', () => {
  it('creates, lists, retrieves and cancels an invite', async () => {
    api.state.now = 1_750_000_000;
    const created = await client.post('/organization/invites', { email: 'ada@example.com', role: 'owner' });
    expect(created.body).toMatchObject({
      object: 'organization.invite',
      id: 'invite-1',
      status: 'pending',
      created_at: 1_750_000_000,
      expires_at: 1_750_000_000 + INVITE_TTL_SECONDS,
      projects: [],
    });
    expect((await client.get('/organization/invites')).body.data.map((invite: { id: string }) => invite.id)).toEqual([
      'invite-1',
    ]);
    expect((await client.get('/organization/invites/invite-1')).body.email).toBe('ada@example.com');
    const deleted = await client.del('/organization/invites/invite-1');
    expect(deleted.body).toEqual({ id: 'invite-1', object: 'organization.invite.deleted', deleted: true });
    expect((await client.get('/organization/invites/invite-1')).status).toBe(404);
  });

  it('refuses a second pending invite for the same email with 409, but allows one after expiry', async () => {
    api.state.now = 1_750_000_000;
    await client.post('/organization/invites', { email: 'ada@example.com', role: 'reader' });
    const duplicate = await client.post('/organization/invites', { email: 'ADA@example.com', role: 'reader' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ param: 'email', code: 'invite_already_pending' });
    api.state.now = 1_750_000_000 + INVITE_TTL_SECONDS;
    expect((await client.get('/organization/invites/invite-1')).body.status).toBe('expired');
    expect((await client.post('/organization/invites', { email: 'ada@example.com', role: 'reader' })).status).toBe(200);
  });

  it('validates the body: email, role enum and project roles', async () => {
    const noRole = await client.post('/organization/invites', { email: 'ada@example.com' });
    expect(noRole.body.error).toMatchObject({ param: 'role', code: 'missing_required_parameter' });
    const badRole = await client.post('/organization/invites', { email: 'ada@example.com', role: 'member' });
    expect(badRole.body.error.message).toBe("Invalid value: 'member'. Supported values are: 'owner' and 'reader'.");
    const badEmail = await client.post('/organization/invites', { email: 'not-an-email', role: 'reader' });
    expect(badEmail.body.error.param).toBe('email');
    const badProject = await client.post('/organization/invites', {
      email: 'ada@example.com',
      role: 'reader',
      projects: [{ id: 'proj_default', role: 'reader' }],
    });
    expect(badProject.body.error.param).toBe('projects[0].role');
    const unknownProject = await client.post('/organization/invites', {
      email: 'ada@example.com',
      role: 'reader',
      projects: [{ id: 'proj_9', role: 'member' }],
    });
    expect(unknownProject.status).toBe(404);
    expect(api.state.invites.size).toBe(0);
  });

  it('turns an accepted invite into a user with its projects, and then refuses to delete it', async () => {
    const project = api.state.addProject({ name: 'Research' });
    await client.post('/organization/invites', {
      email: 'ada@example.com',
      role: 'reader',
      projects: [{ id: project.id, role: 'owner' }],
    });
    const user = api.state.acceptInvite('invite-1');
    expect(user).toMatchObject({ id: 'user_1', email: 'ada@example.com', role: 'reader' });
    expect(api.state.projects.get(project.id)?.members.get(user.id)?.role).toBe('owner');
    expect(api.state.projects.get('proj_default')?.members.has(user.id)).toBe(false);
    expect((await client.get('/organization/invites/invite-1')).body.status).toBe('accepted');
    const refused = await client.del('/organization/invites/invite-1');
    expect(refused.status).toBe(400);
    expect(refused.body.error.type).toBe('invalid_request_error');
  });

  it('puts a user invited without projects into the default project', () => {
    api.state.addInvite({ email: 'bob@example.com' });
    const user = api.state.acceptInvite('invite-1');
    expect(api.state.projects.get('proj_default')?.members.get(user.id)?.role).toBe('member');
  });
});

describe('users', () => {
  it('lists with an emails filter, modifies the role and deletes', async () => {
    api.state.addUser({ email: 'a@x.com', name: 'A' });
    api.state.addUser({ email: 'b@x.com', role: 'owner' });
    const filtered = await client.get('/organization/users?emails=b@x.com&emails=nobody@x.com');
    expect(filtered.body.data).toHaveLength(1);
    expect(filtered.body.data[0]).toMatchObject({ object: 'organization.user', id: 'user_2', role: 'owner' });
    const modified = await client.post('/organization/users/user_1', { role: 'owner' });
    expect(modified.body.role).toBe('owner');
    expect((await client.post('/organization/users/user_1', { role: 'admin' })).body.error.param).toBe('role');
    expect((await client.del('/organization/users/user_1')).body).toEqual({
      id: 'user_1',
      object: 'organization.user.deleted',
      deleted: true,
    });
    expect((await client.get('/organization/users/user_1')).body.error.message).toBe('No such user: user_1');
  });

  it('pages with after, first_id, last_id and has_more (style A)', async () => {
    for (let index = 1; index <= 5; index += 1) api.state.addUser({ email: `u${index}@x.com` });
    const first = await client.get('/organization/users?limit=2');
    expect(first.body).toMatchObject({ object: 'list', first_id: 'user_1', last_id: 'user_2', has_more: true });
    const second = await client.get(`/organization/users?limit=2&after=${first.body.last_id}`);
    expect(second.body).toMatchObject({ first_id: 'user_3', last_id: 'user_4', has_more: true });
    const third = await client.get(`/organization/users?limit=2&after=${second.body.last_id}`);
    expect(third.body).toMatchObject({ first_id: 'user_5', last_id: 'user_5', has_more: false });
    expect((await client.get('/organization/users?after=user_99')).status).toBe(400);
  });
});

describe('admin API keys', () => {
  it('starts with the bot key and shows a new secret only once', async () => {
    const created = await client.post('/organization/admin_api_keys', { name: 'ci', expires_in_seconds: 3600 });
    expect(created.body.value).toMatch(/^sk-admin-[\w-]{40,}$/);
    expect(created.body).toMatchObject({ object: 'organization.admin_api_key', id: 'key_1', name: 'ci' });
    const other = await client.post('/organization/admin_api_keys', { name: 'ci2' });
    expect(other.body.value).not.toBe(created.body.value);
    const list = await client.get('/organization/admin_api_keys?order=desc');
    expect(list.body.data.map((key: { id: string }) => key.id)).toEqual(['key_2', 'key_1', 'key_bot']);
    expect(list.body.data[0].value).toBeUndefined();
    expect(list.body.data[1].redacted_value).toMatch(/^sk-admin\.\.\./);
    const retrieved = await client.get('/organization/admin_api_keys/key_1');
    expect(retrieved.body.expires_at).toBe(retrieved.body.created_at + 3600);
    expect((await client.post('/organization/admin_api_keys', { name: 'x', expires_in_seconds: 0 })).status).toBe(400);
  });

  it('accepts a created key as credentials and locks the bot out once its own key is deleted', async () => {
    const created = await client.post('/organization/admin_api_keys', { name: 'spare' });
    const spare = { authorization: `Bearer ${created.body.value}` };
    expect((await call(api, 'GET', '/organization/users', { headers: spare })).status).toBe(200);
    expect((await client.del('/organization/admin_api_keys/key_bot')).body.deleted).toBe(true);
    expect((await client.get('/organization/users')).status).toBe(401);
    expect((await call(api, 'DELETE', '/organization/admin_api_keys/key_1', { headers: spare })).status).toBe(200);
  });
});

describe('groups', () => {
  it('creates, renames, deletes and pages with next (style B)', async () => {
    for (const name of ['a', 'b', 'c']) await client.post('/organization/groups', { name });
    const first = await client.get('/organization/groups?limit=2');
    expect(first.body).toMatchObject({ object: 'list', has_more: true, next: 'group_2' });
    expect(first.body.first_id).toBeUndefined();
    const second = await client.get(`/organization/groups?limit=2&after=${first.body.next}`);
    expect(second.body).toMatchObject({ has_more: false, next: null });
    expect(second.body.data.map((group: { id: string }) => group.id)).toEqual(['group_3']);
    expect((await client.post('/organization/groups/group_1', { name: 'renamed' })).body.name).toBe('renamed');
    expect((await client.del('/organization/groups/group_1')).body).toEqual({
      object: 'group.deleted',
      id: 'group_1',
      deleted: true,
    });
  });

  it('adds and removes members, listing newest first by default', async () => {
    api.state.addUser({ email: 'a@x.com' });
    api.state.addUser({ email: 'b@x.com' });
    const group = api.state.addGroup({ name: 'eng' });
    await client.post(`/organization/groups/${group.id}/users`, { user_id: 'user_1' });
    await client.post(`/organization/groups/${group.id}/users`, { user_id: 'user_2' });
    const members = await client.get(`/organization/groups/${group.id}/users`);
    expect(members.body.data.map((user: { id: string }) => user.id)).toEqual(['user_2', 'user_1']);
    expect((await client.post(`/organization/groups/${group.id}/users`, { user_id: 'user_9' })).status).toBe(404);
    expect((await client.del(`/organization/groups/${group.id}/users/user_1`)).body.deleted).toBe(true);
  });
});
