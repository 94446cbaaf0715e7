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

const names = (reply: { body: Json }) => reply.body.data.map((role: { name: string }) => role.name);

describe('organization and project roles', () => {
  it('creates, lists, retrieves, updates and deletes an organization role, each change in the audit log', async () => {
    const created = await client.post('/organization/roles', {
      role_name: 'Auditor',
      permissions: ['api.audit_logs.read'],
      description: 'Reads the audit log',
    });
    expect(created.body).toEqual({
      object: 'role',
      id: 'role_1',
      name: 'Auditor',
      description: 'Reads the audit log',
      permissions: ['api.audit_logs.read'],
      resource_type: 'api.organization',
      predefined_role: false,
    });
    const listed = await client.get('/organization/roles');
    expect(listed.body).toMatchObject({ object: 'list', has_more: false, next: null });
    expect(names(listed)).toEqual(['Owner', 'Reader', 'Auditor']);
    const updated = await client.post('/organization/roles/role_1', {
      role_name: 'Log reader',
      permissions: ['api.audit_logs.read', 'api.usage.read'],
    });
    expect(updated.body).toMatchObject({ name: 'Log reader', description: 'Reads the audit log' });
    expect((await client.get('/organization/roles/role_1')).body.permissions).toEqual([
      'api.audit_logs.read',
      'api.usage.read',
    ]);
    expect((await client.del('/organization/roles/role_1')).body).toEqual({
      object: 'role.deleted',
      id: 'role_1',
      deleted: true,
    });
    expect((await client.get('/organization/roles/role_1')).status).toBe(404);
    expect(api.state.auditLogs.map((event) => event.type)).toEqual(['role.created', 'role.updated', 'role.deleted']);
    expect(api.state.auditLogs[1]?.['role.updated']).toMatchObject({
      changes_requested: { permissions_added: ['api.usage.read'], permissions_removed: [] },
    });
  });

  it('keeps project roles within their project, under /projects without the organization prefix', async () => {
    const alpha = api.state.addProject({ name: 'Alpha' });
    const beta = api.state.addProject({ name: 'Beta' });
    const created = await client.post(`/projects/${alpha.id}/roles`, {
      role_name: 'Key reader',
      permissions: ['api.organization.projects.api_keys.read'],
    });
    expect(created.body).toMatchObject({ resource_type: 'api.project', predefined_role: false });
    expect(names(await client.get(`/projects/${alpha.id}/roles`))).toEqual(['Owner', 'Member', 'Key reader']);
    expect(names(await client.get(`/projects/${beta.id}/roles`))).toEqual(['Owner', 'Member']);
    expect((await client.get(`/projects/${beta.id}/roles/${created.body.id}`)).status).toBe(404);
    expect((await client.get(`/organization/roles/${created.body.id}`)).status).toBe(404);
    expect((await client.get('/projects/proj_missing/roles')).body.error.message).toBe('No such project: proj_missing');
  });

  it('pages roles with next cursors', async () => {
    for (const name of ['A', 'B', 'C']) api.state.rbac.addRole({ name, permissions: ['api.a.read'] });
    const first = await client.get('/organization/roles?limit=2');
    expect(first.body).toMatchObject({ has_more: true, next: 'role_org_reader' });
    const second = await client.get(`/organization/roles?limit=2&after=${first.body.next}`);
    expect(names(second)).toEqual(['A', 'B']);
  });

  it.each([
    [{ role_name: 'X', permissions: ['not a permission'] }, 400, 'permissions[0]', 'invalid_value'],
    [{ role_name: 'Owner', permissions: ['api.a.read'] }, 409, 'role_name', 'role_name_taken'],
    [{ permissions: ['api.a.read'] }, 400, 'role_name', 'missing_required_parameter'],
    [{ role_name: 'X', permissions: [], colour: 'red' }, 400, 'colour', 'unknown_parameter'],
  ])('refuses the create body %j with %i', async (body, status, param, code) => {
    const reply = await client.post('/organization/roles', body);
    expect(reply.status).toBe(status);
    expect(reply.body.error).toMatchObject({ param, code });
    expect(api.state.rbac.rolesOf(null)).toHaveLength(2);
  });

  it('refuses to change or delete a predefined role', async () => {
    const update = await client.post('/organization/roles/role_org_owner', { role_name: 'Boss' });
    expect(update.status).toBe(400);
    expect(update.body.error.code).toBe('predefined_role');
    expect((await client.del('/projects/proj_default/roles/role_project_member')).status).toBe(400);
  });
});

describe('role assignments', () => {
  const seed = () => {
    const ann = api.state.addUser({ email: 'ann@x.com', name: 'Ann' });
    const research = api.state.addGroup({ name: 'Research' });
    const alpha = api.state.addProject({ name: 'Alpha' });
    const auditor = api.state.rbac.addRole({ name: 'Auditor', permissions: ['api.audit_logs.read'] });
    const keys = api.state.rbac.addRole({ name: 'Keys', permissions: ['api.keys.read'], projectId: alpha.id });
    return { ann, research, alpha, auditor, keys };
  };

  it('gives an organization role to a user, lists and retrieves it, then takes it back', async () => {
    const { ann, auditor } = seed();
    const base = `/organization/users/${ann.id}/roles`;
    const assigned = await client.post(base, { role_id: auditor.id });
    expect(assigned.body).toMatchObject({ object: 'user.role', user: { id: ann.id }, role: { id: auditor.id } });
    expect(names(await client.get(base))).toEqual(['Auditor']);
    expect((await client.get(`${base}/${auditor.id}`)).body).toMatchObject({
      name: 'Auditor',
      assignment_sources: [{ principal_id: ann.id, principal_type: 'user' }],
    });
    expect((await client.del(`${base}/${auditor.id}`)).body).toEqual({ object: 'user.role.deleted', deleted: true });
    expect((await client.get(`${base}/${auditor.id}`)).status).toBe(404);
    expect(api.state.auditLogs.map((event) => event.type)).toEqual([
      'role.assignment.created',
      'role.assignment.deleted',
    ]);
  });

  it('gives a group an organization role, and a project role once it has access, each listed only in its scope', async () => {
    const { research, alpha, auditor, keys } = seed();
    const org = await client.post(`/organization/groups/${research.id}/roles`, { role_id: auditor.id });
    expect(org.body).toMatchObject({ object: 'group.role', group: { id: research.id, scim_managed: false } });
    const project = `/projects/${alpha.id}/groups/${research.id}/roles`;
    const withoutAccess = await client.post(project, { role_id: keys.id });
    expect(withoutAccess.status).toBe(404);
    expect(withoutAccess.body.error.message).toBe(`No such project group: ${research.id}`);
    api.state.addProjectGroup(alpha.id, { groupId: research.id, role: 'role_project_member' });
    expect((await client.post(project, { role_id: keys.id })).status).toBe(200);
    expect(names(await client.get(`/organization/groups/${research.id}/roles`))).toEqual(['Auditor']);
    expect(names(await client.get(project))).toEqual(['Keys']);
    expect((await client.get(`${project}/${keys.id}`)).body.resource_type).toBe('api.project');
    expect((await client.del(`${project}/${keys.id}`)).body).toEqual({ object: 'group.role.deleted', deleted: true });
  });

  it('gives a project role only to a member of that project', async () => {
    const { ann, alpha, keys } = seed();
    const base = `/projects/${alpha.id}/users/${ann.id}/roles`;
    const outsider = await client.post(base, { role_id: keys.id });
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.message).toBe(`No such project user: ${ann.id}`);
    api.state.addProjectUser(alpha.id, { userId: ann.id });
    expect((await client.post(base, { role_id: keys.id })).body.role.name).toBe('Keys');
    expect(names(await client.get(base))).toEqual(['Keys']);
    expect((await client.get(`${base}/${keys.id}`)).status).toBe(200);
    expect((await client.del(`${base}/${keys.id}`)).status).toBe(200);
  });

  it.each([
    ['an unknown role', (s: Seeded) => [`/organization/users/${s.ann.id}/roles`, 'role_missing'], 404, 'not_found'],
    ['a role of another scope', (s: Seeded) => [`/organization/users/${s.ann.id}/roles`, s.keys.id], 404, 'not_found'],
    ['an unknown user', (s: Seeded) => ['/organization/users/user_missing/roles', s.auditor.id], 404, 'not_found'],
    ['an unknown group', (s: Seeded) => ['/organization/groups/group_x/roles', s.auditor.id], 404, 'not_found'],
  ])('answers an assignment of %s with an error envelope and keeps nothing', async (_what, target, status, code) => {
    const seeded = seed();
    const [path, roleId] = target(seeded);
    const reply = await client.post(path as string, { role_id: roleId });
    expect(reply.status).toBe(status);
    expect(reply.body.error.code).toBe(code);
    expect(api.state.rbac.heldBy('user', seeded.ann.id, null)).toEqual([]);
  });

  it('refuses a role given twice with 409 and a body without role_id with 400', async () => {
    const { ann, auditor } = seed();
    const base = `/organization/users/${ann.id}/roles`;
    await client.post(base, { role_id: auditor.id });
    expect((await client.post(base, { role_id: auditor.id })).body.error.code).toBe('role_already_assigned');
    expect((await client.post(base, {})).body.error).toMatchObject({ param: 'role_id' });
  });

  it('takes a deleted role from everyone who held it', async () => {
    const { ann, research, auditor } = seed();
    api.state.rbac.assign('user', ann.id, null, auditor.id);
    api.state.rbac.assign('group', research.id, null, auditor.id);
    await client.del(`/organization/roles/${auditor.id}`);
    expect((await client.get(`/organization/users/${ann.id}/roles`)).body.data).toEqual([]);
    expect((await client.get(`/organization/groups/${research.id}/roles`)).body.data).toEqual([]);
  });
});

type Seeded = {
  ann: { id: string };
  research: { id: string };
  auditor: { id: string };
  keys: { id: string };
};
