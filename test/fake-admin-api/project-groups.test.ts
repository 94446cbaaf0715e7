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

const groupIds = (body: Json) => body.data.map((access: { group_id: string }) => access.group_id);

describe('project groups', () => {
  it('gives a group access, then lists, retrieves and removes it', async () => {
    api.state.now = 1_750_000_000;
    const project = api.state.addProject({ name: 'Alpha' });
    const group = api.state.addGroup({ name: 'Eng' });
    const base = `/organization/projects/${project.id}/groups`;
    const added = await client.post(base, { group_id: group.id, role: 'role_member' });
    const expected = {
      object: 'project.group',
      project_id: project.id,
      group_id: group.id,
      group_name: 'Eng',
      group_type: 'group',
      created_at: 1_750_000_000,
    };
    expect(added.body).toEqual(expected);
    expect((await client.get(base)).body).toEqual({ object: 'list', data: [expected], has_more: false, next: null });
    expect((await client.get(`${base}/${group.id}`)).body).toEqual(expected);
    expect((await client.get(`${base}/${group.id}?group_type=tenant_group`)).status).toBe(404);
    expect((await client.del(`${base}/${group.id}`)).body).toEqual({ object: 'project.group.deleted', deleted: true });
    expect((await client.get(`${base}/${group.id}`)).status).toBe(404);
    expect((await client.get(base)).body.data).toEqual([]);
  });

  it('pages with next (style B), oldest first unless order=desc', async () => {
    const project = api.state.addProject({ name: 'Alpha' });
    for (const name of ['a', 'b', 'c']) {
      api.state.addProjectGroup(project.id, { groupId: api.state.addGroup({ name }).id, role: 'role_member' });
    }
    const base = `/organization/projects/${project.id}/groups`;
    const first = await client.get(`${base}?limit=2`);
    expect(first.body).toMatchObject({ has_more: true, next: 'group_2' });
    expect(groupIds(first.body)).toEqual(['group_1', 'group_2']);
    expect(groupIds((await client.get(`${base}?limit=2&after=${first.body.next}`)).body)).toEqual(['group_3']);
    expect(groupIds((await client.get(`${base}?order=desc`)).body)).toEqual(['group_3', 'group_2', 'group_1']);
    expect((await client.get(`${base}?limit=101`)).status).toBe(400);
  });

  it('refuses unknown groups and projects, bad bodies, a second grant and changes to archived projects', async () => {
    const project = api.state.addProject({ name: 'Alpha' });
    const old = api.state.addProject({ name: 'Old', archived: true });
    const group = api.state.addGroup({ name: 'Eng' });
    const base = `/organization/projects/${project.id}/groups`;
    const unknownGroup = await client.post(base, { group_id: 'group_9', role: 'role_member' });
    expect(unknownGroup.status).toBe(404);
    expect(unknownGroup.body.error.param).toBe('group_id');
    expect((await client.post('/organization/projects/proj_9/groups', { group_id: group.id, role: 'r' })).status).toBe(
      404,
    );
    const noRole = await client.post(base, { group_id: group.id });
    expect(noRole.status).toBe(400);
    expect(noRole.body.error).toMatchObject({ param: 'role', code: 'missing_required_parameter' });
    await client.post(base, { group_id: group.id, role: 'role_member' });
    expect((await client.post(base, { group_id: group.id, role: 'role_owner' })).status).toBe(409);
    const archived = await client.post(`/organization/projects/${old.id}/groups`, { group_id: group.id, role: 'r' });
    expect(archived.status).toBe(400);
    expect(archived.body.error.code).toBe('project_archived');
  });

  it('drops a deleted group from every project it had access to', async () => {
    const alpha = api.state.addProject({ name: 'Alpha' });
    const beta = api.state.addProject({ name: 'Beta' });
    const group = api.state.addGroup({ name: 'Eng' });
    for (const project of [alpha, beta]) api.state.addProjectGroup(project.id, { groupId: group.id, role: 'role_x' });
    expect((await client.del(`/organization/groups/${group.id}`)).body.deleted).toBe(true);
    for (const project of [alpha, beta]) {
      expect((await client.get(`/organization/projects/${project.id}/groups`)).body.data).toEqual([]);
    }
  });
});
