import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BATCH_CERT, PAYMENTS_CERT } from '../fixtures/certificates.js';
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
const states = (reply: { body: Json }) =>
  Object.fromEntries(reply.body.data.map((item: { id: string; active: boolean }) => [item.id, item.active]));

describe('certificates', () => {
  it('uploads inactive, lists newest first, retrieves with content on request, renames', async () => {
    api.state.now = 1_800_000_000;
    const uploaded = await client.post('/organization/certificates', { name: 'payments', certificate: PAYMENTS_CERT });
    expect(uploaded.body).toEqual({
      object: 'certificate',
      id: 'cert_1',
      name: 'payments',
      created_at: 1_800_000_000,
      certificate_details: { valid_at: 1_796_093_316, expires_at: 2_111_453_316 },
    });
    await client.post('/organization/certificates', { certificate: BATCH_CERT });
    const listed = await client.get('/organization/certificates');
    expect(ids(listed)).toEqual(['cert_2', 'cert_1']);
    expect(listed.body.data[0]).toMatchObject({ object: 'organization.certificate', name: null, active: false });
    expect(ids(await client.get('/organization/certificates?order=asc&limit=1'))).toEqual(['cert_1']);
    const withContent = await client.get('/organization/certificates/cert_1?include=content');
    expect(withContent.body.certificate_details.content).toBe(PAYMENTS_CERT);
    expect((await client.get('/organization/certificates/cert_1')).body.certificate_details.content).toBeUndefined();
    expect((await client.post('/organization/certificates/cert_1', { name: 'renamed' })).body.name).toBe('renamed');
    expect(api.state.auditLogs.map((e) => e.type)).toEqual([
      'certificate.created',
      'certificate.created',
      'certificate.updated',
    ]);
  });

  it('activates for the organization and per project, each level on its own, all or none', async () => {
    const project = api.state.addProject({ name: 'P' });
    api.state.certificates.add({ content: PAYMENTS_CERT, name: 'a' });
    api.state.certificates.add({ content: BATCH_CERT, name: 'b' });
    const org = await client.post('/organization/certificates/activate', { certificate_ids: ['cert_1'] });
    expect(org.body).toMatchObject({
      object: 'organization.certificate.activation',
      data: [{ id: 'cert_1', active: true }],
    });
    const base = `/organization/projects/${project.id}/certificates`;
    const inProject = await client.post(`${base}/activate`, { certificate_ids: ['cert_2'] });
    expect(inProject.body.object).toBe('organization.project.certificate.activation');
    expect(states(await client.get('/organization/certificates'))).toEqual({ cert_1: true, cert_2: false });
    expect(states(await client.get(base))).toEqual({ cert_1: false, cert_2: true });
    const unknown = await client.post(`${base}/deactivate`, { certificate_ids: ['cert_2', 'cert_9'] });
    expect(unknown.status).toBe(404);
    expect(states(await client.get(base))).toEqual({ cert_1: false, cert_2: true });
    const off = await client.post(`${base}/deactivate`, { certificate_ids: ['cert_2'] });
    expect(off.body).toMatchObject({
      object: 'organization.project.certificate.deactivation',
      data: [{ active: false }],
    });
  });

  it('deletes a certificate only once it is inactive everywhere', async () => {
    const project = api.state.addProject({ name: 'P' });
    api.state.certificates.add({ content: PAYMENTS_CERT, name: 'a' });
    api.state.certificates.toggle(['cert_1'], project.id, true);
    const refused = await client.del('/organization/certificates/cert_1');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'certificate_active' });
    expect(refused.body.error.message).toContain(`project ${project.id}`);
    api.state.certificates.toggle(['cert_1'], project.id, false);
    expect((await client.del('/organization/certificates/cert_1')).body).toEqual({
      object: 'certificate.deleted',
      id: 'cert_1',
    });
    expect((await client.get('/organization/certificates/cert_1')).status).toBe(404);
  });

  it('refuses bodies the API would refuse', async () => {
    const project = api.state.addProject({ name: 'Old', archived: true });
    const notPem = await client.post('/organization/certificates', { certificate: 'hello' });
    expect(notPem.status).toBe(400);
    expect(notPem.body.error.param).toBe('certificate');
    expect((await client.post('/organization/certificates', { name: 'x' })).body.error.code).toBe(
      'missing_required_parameter',
    );
    const tooMany = await client.post('/organization/certificates/activate', {
      certificate_ids: Array.from({ length: 11 }, (_, i) => `cert_${i}`),
    });
    expect(tooMany.status).toBe(400);
    expect((await client.post('/organization/certificates/activate', { certificate_ids: [] })).status).toBe(400);
    const archived = await client.post(`/organization/projects/${project.id}/certificates/activate`, {
      certificate_ids: ['cert_1'],
    });
    expect(archived.body.error.code).toBe('project_archived');
  });

  it('holds at most 50 certificates', async () => {
    for (let i = 0; i < 50; i++) api.state.certificates.add({ content: PAYMENTS_CERT });
    const refused = await client.post('/organization/certificates', { certificate: BATCH_CERT });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('certificate_limit_reached');
  });
});

describe('hosted tool permissions', () => {
  it('allows every tool until changed, changes only the tools named, and keeps the rest', async () => {
    const project = api.state.addProject({ name: 'P' });
    const path = `/organization/projects/${project.id}/hosted_tool_permissions`;
    expect((await client.get(path)).body).toEqual({
      file_search: { enabled: true },
      web_search: { enabled: true },
      image_generation: { enabled: true },
      mcp: { enabled: true },
      code_interpreter: { enabled: true },
    });
    const changed = await client.post(path, { mcp: { enabled: false }, web_search: null });
    expect(changed.body).toMatchObject({ mcp: { enabled: false }, web_search: { enabled: true } });
    expect((await client.get(path)).body.mcp).toEqual({ enabled: false });
    expect(api.state.auditLogs.at(-1)?.type).toBe('project.updated');
  });

  it('refuses unknown tools, archived projects and unknown projects', async () => {
    const old = api.state.addProject({ name: 'Old', archived: true });
    const live = api.state.addProject({ name: 'Live' });
    const unknownTool = await client.post(`/organization/projects/${live.id}/hosted_tool_permissions`, {
      browsing: { enabled: true },
    });
    expect(unknownTool.body.error).toMatchObject({ code: 'unknown_parameter', param: 'browsing' });
    const archived = await client.post(`/organization/projects/${old.id}/hosted_tool_permissions`, {
      mcp: { enabled: false },
    });
    expect(archived.body.error.code).toBe('project_archived');
    expect((await client.get('/organization/projects/proj_nope/hosted_tool_permissions')).status).toBe(404);
  });
});
