import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { ADMIN_KEY, BOT_TOKEN } from '../helpers/harness.js';
import { writePolicy } from '../helpers/policy.js';
import { SIGNING_SECRET } from '../helpers/slack-requests.js';

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/main.ts');
/** Exactly what `npm start` runs, started without npm in between so that signals and exit codes are the bot's. */
const START_SCRIPT = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } })
  .scripts.start;
const run = promisify(execFile);

describe('npm start', () => {
  it('exits at once naming every missing or malformed variable, never printing a secret', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        OPENAI_ADMIN_KEY: ADMIN_KEY,
        SLACK_BOT_TOKEN: 'not-a-bot-token',
        PORT: '70000',
      },
    }).catch((error: { code: number; stderr: string }) => error);
    expect((failed as { code: number }).code).toBe(1);
    const { stderr } = failed as { stderr: string };
    expect(stderr).toContain('SLACK_BOT_TOKEN must be a bot token');
    expect(stderr).toContain('PORT must be between 0 and 65535');
    expect(stderr).toContain('SLACK_SIGNING_SECRET is required in HTTP mode');
    expect(stderr).not.toContain('not-a-bot-token');
    expect(stderr).not.toContain(ADMIN_KEY);
  });

  it('refuses an invalid policy file at start, naming the offending key', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        OPENAI_ADMIN_KEY: ADMIN_KEY,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        DATABASE_URL: 'sqlite::memory:',
        POLICY_FILE: writePolicy('approval_channel: C1234\nroles:\n  admin: [bob]\n'),
      },
    }).catch((error: { code: number; stderr: string }) => error);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain('roles.admin.0: must be a Slack user id');
  });

  it('the npm start command runs src/main.ts, serves /healthz and shuts down cleanly on SIGTERM', async () => {
    expect(START_SCRIPT).toContain('src/main.ts');
    const slack = await new FakeSlack().start();
    const openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
    const child = spawn('sh', ['-c', `exec ${START_SCRIPT}`], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        OPENAI_ADMIN_KEY: ADMIN_KEY,
        OPENAI_BASE_URL: openai.url,
        SLACK_API_URL: slack.apiUrl,
        DATABASE_URL: 'sqlite::memory:',
        POLICY_FILE: writePolicy(),
        PORT: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit');
    try {
      let stdout = '';
      child.stdout.on('data', (chunk) => {
        stdout += String(chunk);
      });
      const logLines = () =>
        stdout
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { msg?: string; port?: number });
      let started: { port?: number } | undefined;
      for (let i = 0; i < 600 && !started; i++) {
        started = logLines().find((line) => line.msg === 'bot started');
        if (!started) await new Promise((r) => setTimeout(r, 50));
      }
      expect(started?.port).toBeGreaterThan(0);
      expect((await fetch(`http://127.0.0.1:${started?.port}/healthz`)).status).toBe(200);
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
      expect(logLines().map((line) => line.msg)).toEqual(expect.arrayContaining(['shutting down', 'bot stopped']));
      expect(stdout).not.toContain(ADMIN_KEY);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await slack.close();
      await openai.close();
    }
  });
});
