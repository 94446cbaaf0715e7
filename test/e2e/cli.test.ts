import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/create-store.js';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { ADMIN_KEY, BOT_TOKEN } from '../helpers/harness.js';
import { writePolicy } from '../helpers/policy.js';
import { SIGNING_SECRET } from '../helpers/slack-requests.js';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '../../src/cli.ts');

describe('npm run cli', () => {
  let openai: FakeAdminApi;
  let env: Record<string, string>;
  beforeAll(async () => {
    openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
    const databaseUrl = `sqlite:${join(mkdtempSync(join(tmpdir(), 'openai-bot-cli-')), 'bot.db')}`;
    const store = await createStore(databaseUrl);
    await store.appendAudit({
      event: 'requested',
      at: Date.parse('2026-11-01T10:00:00Z'),
      actor_id: 'UADMIN',
      request_id: 'req_1',
      operation: 'users.remove',
      input: { user: 'a@x.com' },
    });
    await store.appendAudit({
      event: 'approved',
      at: Date.parse('2026-11-02T10:00:00Z'),
      actor_id: 'UAPPROVER',
      request_id: 'req_1',
    });
    await store.close();
    env = {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      OPENAI_ADMIN_KEY: ADMIN_KEY,
      OPENAI_BASE_URL: openai.url,
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      DATABASE_URL: databaseUrl,
      POLICY_FILE: writePolicy(),
    };
  });
  afterAll(() => openai.close());

  const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', CLI, ...args], { env });

  it('exports the audit trail as JSON lines, oldest first', async () => {
    const { stdout, stderr } = await cli('audit-export');
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.event)).toEqual(['requested', 'approved']);
    expect(lines[0]).toMatchObject({
      request_id: 'req_1',
      actor_id: 'UADMIN',
      at: '2026-11-01T10:00:00.000Z',
      input: { user: 'a@x.com' },
    });
    expect(stderr).toContain('2 audit entries exported');
  });

  it('exports only entries since a date', async () => {
    const { stdout } = await cli('audit-export', '--since', '2026-11-02');
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('runs a read command against the Admin API and prints text', async () => {
    openai.state.addUser({ email: 'cli@x.com', name: 'Cli User' });
    const { stdout } = await cli('users', 'list');
    expect(stdout).toContain('cli@x.com');
  });

  it('runs operator commands without any Slack token', async () => {
    openai.state.addUser({ email: 'no-slack@x.com', name: 'No Slack' });
    const { SLACK_BOT_TOKEN: _token, SLACK_SIGNING_SECRET: _secret, SLACK_API_URL: _url, ...withoutSlack } = env;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, 'users', 'list'], { env: withoutSlack });
    expect(stdout).toContain('no-slack@x.com');
    const project = openai.state.addProject({ name: 'cli-archive' });
    const filed = await run(process.execPath, ['--import', 'tsx', CLI, 'projects', 'archive', project.id], {
      env: withoutSlack,
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect('code' in filed && filed.code).toBe(1);
    expect((filed as { stderr: string }).stderr).toContain('without SLACK_BOT_TOKEN the command line cannot post');
    expect(openai.state.projects.get(project.id)?.archivedAt).toBeNull();
  });

  it('needs no signing secret: the command line receives nothing from Slack', async () => {
    const { SLACK_SIGNING_SECRET: _secret, ...withoutSecret } = env;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, 'users', 'list'], { env: withoutSecret });
    expect(stdout).toContain('no-slack@x.com');
  });

  it('exits non-zero naming every bad variable, without printing secrets', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', CLI, 'help'], {
      env: { PATH: env.PATH ?? '', SLACK_BOT_TOKEN: 'not-a-bot-token', OPENAI_ADMIN_KEY: ADMIN_KEY, PORT: 'x' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    const stderr = (failed as { stderr: string }).stderr;
    expect(stderr).toContain('SLACK_BOT_TOKEN must be a bot token');
    expect(stderr).toContain('PORT must be a number');
    expect(stderr).not.toContain(ADMIN_KEY);
  });
});
