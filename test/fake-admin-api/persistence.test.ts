import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBotKeyCheck } from '../../src/domain/secrets/bot-key.js';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { ADMIN_KEY, call, clientFor, type Json } from './fake-client.js';

const PROCESS = fileURLToPath(new URL('./organization-process.ts', import.meta.url));
const dirs: string[] = [];
const running: FakeAdminApi[] = [];
const children: ChildProcess[] = [];

function fileInNewFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulated-org-'));
  dirs.push(dir);
  return join(dir, 'not', 'yet', 'there', 'organization.db');
}

async function open(persistFile: string, adminKey = ADMIN_KEY): Promise<FakeAdminApi> {
  const api = await startFakeAdminApi({ persistFile, adminKey });
  running.push(api);
  return api;
}

async function close(api: FakeAdminApi): Promise<void> {
  running.splice(running.indexOf(api), 1);
  await api.close();
}

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const api of running.splice(0)) await api.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** What a set of list calls answers, with the last use of the key making them left out (each call moves it). */
async function snapshot(api: FakeAdminApi, paths: string[]): Promise<Record<string, Json>> {
  const client = clientFor(api);
  const out: Record<string, Json> = {};
  for (const path of paths) {
    const reply = await client.get(path);
    expect(reply.status, path).toBe(200);
    out[path] = JSON.parse(JSON.stringify(reply.body), (key, value) => (key === 'last_used_at' ? undefined : value));
  }
  return out;
}

describe('an emulated organization kept in a SQLite file', () => {
  it('lists after a restart on the same file everything requests created, changed and removed before it', async () => {
    const file = fileInNewFolder();
    const first = await open(file);
    const client = clientFor(first);
    expect(existsSync(file)).toBe(true);
    const invite = await client.post('/organization/invites', { email: 'new.hire@example.com', role: 'reader' });
    const project = await client.post('/organization/projects', { name: 'Onboarding bot' });
    const pid = project.body.id;
    const ada = (await client.get('/organization/users?emails=ada@example.com')).body.data[0];
    const alan = (await client.get('/organization/users?emails=alan@example.com')).body.data[0];
    expect((await client.post(`/organization/projects/${pid}/users`, { user_id: ada.id, role: 'owner' })).status).toBe(
      200,
    );
    expect((await client.post(`/organization/projects/${pid}/service_accounts`, { name: 'onboarding' })).status).toBe(
      200,
    );
    const alert = { threshold_amount: 25_000, currency: 'USD', interval: 'month' };
    const channel = { type: 'email', recipients: ['ada@example.com'] };
    expect(
      (await client.post(`/organization/projects/${pid}/spend_alerts`, { ...alert, notification_channel: channel }))
        .status,
    ).toBe(200);
    expect(
      (await client.post(`/organization/projects/${pid}/data_retention`, { retention_type: 'zero_data_retention' }))
        .status,
    ).toBe(200);
    expect((await client.post('/organization/groups', { name: 'Onboarding' })).status).toBe(200);
    const adminKey = await client.post('/organization/admin_api_keys', { name: 'Onboarding automation' });
    expect((await client.del(`/organization/users/${alan.id}`)).status).toBe(200);
    const paths = [
      '/organization/users?limit=100',
      '/organization/invites?limit=100',
      '/organization/projects?include_archived=true&limit=100',
      `/organization/projects/${pid}/users`,
      `/organization/projects/${pid}/service_accounts`,
      `/organization/projects/${pid}/api_keys`,
      `/organization/projects/${pid}/spend_alerts`,
      `/organization/projects/${pid}/data_retention`,
      '/organization/groups?limit=100',
      '/organization/admin_api_keys?limit=100',
      '/organization/audit_logs?limit=100',
      `/organization/costs?start_time=${first.state.now - 30 * 86_400}&limit=31&group_by=project_id`,
    ];
    const before = await snapshot(first, paths);
    await close(first);

    const second = await open(file);
    expect(await snapshot(second, paths)).toEqual(before);
    const again = clientFor(second);
    expect((await again.get(`/organization/invites/${invite.body.id}`)).body.email).toBe('new.hire@example.com');
    expect((await again.get(`/organization/users/${alan.id}`)).status).toBe(404);
    expect((await again.get(`/organization/admin_api_keys/${adminKey.body.id}`)).body.name).toBe(
      'Onboarding automation',
    );
    const next = await again.post('/organization/projects', { name: 'After the restart' });
    expect(before['/organization/projects?include_archived=true&limit=100'].data.map((p: Json) => p.id)).not.toContain(
      next.body.id,
    );
  });

  it('has saved each change by the time it answers: a process killed right after loses none of them', async () => {
    const file = fileInNewFolder();
    const child = spawn(process.execPath, ['--import', 'tsx', PROCESS, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    const url = /READY (\S+)/.exec(String(line))?.[1];
    if (!url) throw new Error(`the organization did not start: ${line}`);
    const post = (path: string, body: unknown) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('/organization/invites', { email: 'last.words@example.com', role: 'owner' })).status).toBe(200);
    expect((await post('/organization/projects', { name: 'Made just before the crash' })).status).toBe(200);
    await expect(startFakeAdminApi({ persistFile: file, adminKey: ADMIN_KEY })).rejects.toThrow(
      'is in use by another running emulated organization',
    );
    child.kill('SIGKILL');
    await once(child, 'exit');

    const restarted = await open(file);
    const client = clientFor(restarted);
    const invites = (await client.get('/organization/invites?limit=100')).body.data;
    expect(invites.map((i: Json) => [i.email, i.role, i.status])).toContainEqual([
      'last.words@example.com',
      'owner',
      'pending',
    ]);
    const projects = (await client.get('/organization/projects?limit=100')).body.data.map((p: Json) => p.name);
    expect(projects).toContain('Made just before the crash');
  }, 60_000);

  it('seeds a new file with the playground organization, whose own admin key is always the one it runs with', async () => {
    const file = fileInNewFolder();
    const first = await open(file, 'sk-admin-playground-first');
    const owners = (
      await call(first, 'GET', '/organization/users?limit=100', {
        headers: { authorization: 'Bearer sk-admin-playground-first' },
      })
    ).body.data;
    expect(owners.map((u: Json) => u.email)).toEqual(
      expect.arrayContaining(['ada@example.com', 'katherine@example.com']),
    );
    await close(first);

    const second = await open(file, 'sk-admin-playground-second');
    const keys = await call(second, 'GET', '/organization/admin_api_keys?limit=100', {
      headers: { authorization: 'Bearer sk-admin-playground-second' },
    });
    const own = keys.body.data.filter((key: Json) =>
      createBotKeyCheck('sk-admin-playground-second').isBotKey(key.redacted_value),
    );
    expect(own.map((key: Json) => key.name)).toEqual(['Slack bot']);
    const old = await call(second, 'GET', '/organization/users', {
      headers: { authorization: 'Bearer sk-admin-playground-first' },
    });
    expect(old.status).toBe(401);
  });

  it('goes back to a newly seeded organization on reset, keeps that, and takes a second close calmly', async () => {
    const file = fileInNewFolder();
    const first = await open(file);
    const seededUsers = first.state.users.size;
    await clientFor(first).post('/organization/projects', { name: 'Gone after the reset' });
    first.reset();
    expect(first.state.users.size).toBe(seededUsers);
    await close(first);
    await expect(first.close()).resolves.toBeUndefined();
    const second = await open(file);
    const names = (await clientFor(second).get('/organization/projects?limit=100')).body.data.map((p: Json) => p.name);
    expect(names).not.toContain('Gone after the reset');
    expect(second.state.users.size).toBe(seededUsers);
  });

  it('starts empty and in memory without a file, as the test suite uses it', async () => {
    const api = await startFakeAdminApi();
    running.push(api);
    expect((await clientFor(api).get('/organization/users')).body.data).toEqual([]);
    expect([...api.state.projects.keys()]).toEqual(['proj_default']);
  });
});
