import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { takeViolations } from '../helpers/openapi/drift-record.js';
import { ExchangeValidator } from '../helpers/openapi/exchange-validator.js';
import { clientFor } from './fake-client.js';

const validator = new ExchangeValidator();
const page = { object: 'page', data: [], has_more: false, next_page: null };
const get = (rawPath: string, query: string, response?: { status: number; body: unknown }) =>
  validator.check({ method: 'GET', rawPath, query: new URLSearchParams(query), body: undefined, response });

describe('drift from the OpenAPI document', () => {
  it('knows the 119 operations of the document', () => {
    expect(new Set(validator.operations.map((op) => op.id)).size).toBe(119);
  });

  it('reports an array sent in bracket form where the document names it plain, and passes the documented form', () => {
    expect(get('/organization/costs', 'start_time=1&project_ids[]=p', { status: 200, body: page }).request).toEqual([
      'GET /organization/costs (usage-costs): query parameter "project_ids[]" is not in the document',
    ]);
    expect(get('/organization/costs', 'start_time=1&project_ids=p&project_ids=q', { status: 200, body: page })).toEqual(
      { operationId: 'usage-costs', request: [], response: [] },
    );
    expect(get('/organization/audit_logs', 'project_ids[]=p&effective_at[gte]=5').request).toEqual([]);
    expect(get('/organization/audit_logs', 'project_ids=p').request).toEqual([
      'GET /organization/audit_logs (list-audit-logs): query parameter "project_ids" is not in the document',
    ]);
  });

  it('reports an answer missing a required field, an undocumented success status and an unknown path', () => {
    expect(get('/organization/costs', 'start_time=1', { status: 200, body: { data: [] } }).response).toContain(
      "GET /organization/costs (usage-costs): 200 response (root) must have required property 'has_more'",
    );
    expect(get('/organization/costs', 'start_time=1', { status: 204, body: null }).response).toEqual([
      'GET /organization/costs (usage-costs): answered 204, which the document does not list (200, 429)',
    ]);
    expect(get('/organization/nothing', '').request).toEqual([
      'GET /organization/nothing is not an operation of the document',
    ]);
  });

  it('accepts an undocumented error status only in OpenAI’s error envelope', () => {
    const envelope = { error: { message: 'No such project', type: 'invalid_request_error', param: null, code: null } };
    expect(get('/organization/projects/proj_x', '', { status: 404, body: envelope }).response).toEqual([]);
    expect(get('/organization/projects/proj_x', '', { status: 404, body: { message: 'gone' } }).response).toEqual([
      "GET /organization/projects/{project_id} (retrieve-project): 404 (root) must have required property 'error'",
    ]);
  });
});

describe('the fake Admin API records drift for the test that caused it', () => {
  let api: FakeAdminApi;
  beforeAll(async () => {
    api = await startFakeAdminApi();
  });
  afterAll(() => api.close());

  it('keeps a request it accepted that the document does not describe, and nothing for one it does', async () => {
    const client = clientFor(api);
    expect((await client.get('/organization/users?emails%5B%5D=a%40x.com')).status).toBe(200);
    expect(takeViolations()).toEqual([
      'GET /organization/users (list-users): query parameter "emails[]" is not in the document',
    ]);
    expect((await client.get('/organization/users?emails=a%40x.com')).status).toBe(200);
    expect(takeViolations()).toEqual([]);
  });

  it('answers the operations the bot does not call yet in the shapes the document gives', async () => {
    const client = clientFor(api);
    const ada = api.state.addUser({ email: 'ada@x.com', name: 'Ada' });
    const group = api.state.addGroup({ name: 'Research' });
    api.state.addGroupUser(group.id, ada.id);
    expect((await client.get(`/organization/groups/${group.id}`)).status).toBe(200);
    expect((await client.get(`/organization/groups/${group.id}/users/${ada.id}`)).status).toBe(200);
    const { serviceAccount } = api.state.addServiceAccount('proj_default', { name: 'ci' });
    const renamed = await client.post(`/organization/projects/proj_default/service_accounts/${serviceAccount.id}`, {
      name: 'deploys',
    });
    expect(renamed.body.name).toBe('deploys');
    const kinds = ['audio_speeches', 'audio_transcriptions', 'code_interpreter_sessions', 'images', 'moderations'];
    for (const kind of [...kinds, 'vector_stores', 'web_search_calls', 'file_search_calls', 'embeddings']) {
      const reply = await client.get(`/organization/usage/${kind}?start_time=1780000000&project_ids=proj_default`);
      expect(reply.status).toBe(200);
    }
  });
});
