import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, BOT_TOKEN } from '../helpers/harness.js';
import { writePolicy } from '../helpers/policy.js';
import { SIGNING_SECRET } from '../helpers/slack-requests.js';

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/main.ts');
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
});
