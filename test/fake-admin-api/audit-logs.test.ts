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

const types = (reply: { body: Json }) => reply.body.data.map((event: { type: string }) => event.type);

describe('audit logs', () => {
  it('records an event for each mutation, newest first, with the admin key as actor', async () => {
    api.state.now = 1_760_000_000;
    await client.post('/organization/invites', { email: 'ada@example.com', role: 'reader' });
    api.state.now = 1_760_000_010;
    await client.post('/organization/projects', { name: 'P' });
    api.state.now = 1_760_000_020;
    await client.post('/organization/projects/proj_1/archive');
    await client.post('/organization/admin_api_keys', { name: 'k' });
    await client.get('/organization/users');
    const reply = await client.get('/organization/audit_logs');
    expect(types(reply)).toEqual(['api_key.created', 'project.archived', 'project.created', 'invite.sent']);
    const archived = reply.body.data[1];
    expect(archived).toMatchObject({
      type: 'project.archived',
      effective_at: 1_760_000_020,
      project: { id: 'proj_1', name: 'P' },
      actor: { type: 'api_key', api_key: { id: 'key_bot', user: { email: 'owner@example.com' } } },
      'project.archived': { id: 'proj_1' },
    });
    expect(reply.body.data[3]['invite.sent']).toEqual({
      id: 'invite-1',
      data: { email: 'ada@example.com', role: 'reader' },
    });
  });

  it('filters by event_types[], actor_emails[], project_ids[], resource_ids[] and effective_at', async () => {
    const ada = { id: 'user_9', email: 'ada@example.com' };
    api.state.addAuditLog({ type: 'login.succeeded', effectiveAt: 100, actor: ada, projectId: null });
    api.state.addAuditLog({
      type: 'project.created',
      effectiveAt: 200,
      projectId: 'proj_default',
      payload: { id: 'proj_x' },
    });
    api.state.addAuditLog({ type: 'user.deleted', effectiveAt: 300, actor: ada, payload: { id: 'user_2' } });
    const get = (query: string) => client.get(`/organization/audit_logs?${query}`);
    expect(types(await get('event_types[]=user.deleted&event_types[]=login.succeeded'))).toEqual([
      'user.deleted',
      'login.succeeded',
    ]);
    expect(types(await get('actor_emails[]=ADA@example.com'))).toEqual(['user.deleted', 'login.succeeded']);
    expect(types(await get('project_ids[]=proj_default'))).toEqual(['user.deleted', 'project.created']);
    expect(types(await get('resource_ids[]=proj_x'))).toEqual(['project.created']);
    expect(types(await get('effective_at[gte]=200&effective_at[lt]=300'))).toEqual(['project.created']);
    expect(types(await get('effective_at%5Bgt%5D=200'))).toEqual(['user.deleted']);
    expect((await get('event_types=user.deleted')).body.error.param).toBe('event_types');
    expect((await get('effective_at[after]=1')).status).toBe(400);
  });

  it('pages newest first with after and before (style A)', async () => {
    for (let index = 1; index <= 5; index += 1) api.state.addAuditLog({ type: 'user.updated', effectiveAt: index });
    const first = await client.get('/organization/audit_logs?limit=2');
    expect(first.body).toMatchObject({ first_id: 'audit_log-5', last_id: 'audit_log-4', has_more: true });
    const second = await client.get(`/organization/audit_logs?limit=2&after=${first.body.last_id}`);
    expect(second.body).toMatchObject({ first_id: 'audit_log-3', last_id: 'audit_log-2', has_more: true });
    const back = await client.get(`/organization/audit_logs?limit=2&before=${second.body.first_id}`);
    expect(back.body).toMatchObject({ first_id: 'audit_log-5', last_id: 'audit_log-4', has_more: false });
    expect((await client.get('/organization/audit_logs?limit=101')).status).toBe(400);
  });
});
