import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { buildContainer } from '../src/container.js';
import { startFakeAdminApi } from '../test/helpers/fake-admin-api/index.js';
import { writePolicy } from '../test/helpers/policy.js';
import { printTable } from './stats.js';

const ADMIN_KEY = 'sk-admin-bench-key';
/** The Admin API's largest page for users; fewer calls than members / this is impossible. */
const USERS_PAGE_LIMIT = 100;

interface Case {
  command: string;
  minimum: number;
}

/**
 * Admin API calls per command, counted where they arrive (the emulated organization), against the fewest the
 * command could make: `users list` over `members` members needs members / 100 pages; `users show <email>` one call.
 */
export async function benchAdminCalls(members = 2_000): Promise<boolean> {
  const openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
  for (let i = 1; i <= members; i++) openai.state.addUser({ email: `member${i}@example.com`, name: `Member ${i}` });
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-secret',
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
    OPENAI_ADMIN_KEY: ADMIN_KEY,
    OPENAI_BASE_URL: openai.url,
    DATABASE_URL: 'sqlite::memory:',
    POLICY_FILE: writePolicy(),
  });
  const container = await buildContainer(config, { logger: pino({ level: 'silent' }) });
  const actor = { userId: 'cli:bench', source: 'cli' as const };
  const cases: Case[] = [
    { command: 'users list', minimum: Math.ceil(members / USERS_PAGE_LIMIT) },
    { command: `users show member${members}@example.com`, minimum: 1 },
    { command: 'users show member1@example.com', minimum: 1 },
  ];
  const rows: (string | number)[][] = [];
  let ok = true;
  for (const { command, minimum } of cases) {
    openai.requests.length = 0;
    await container.commands.handle(actor, command);
    const calls = openai.requests.length;
    const ratio = calls / minimum;
    ok &&= ratio <= 1;
    rows.push([command, calls, minimum, ratio.toFixed(2)]);
  }
  console.log(`\nAdmin API calls per command, ${members} members in the organization`);
  printTable(['command', 'calls', 'minimum', 'ratio'], rows);
  console.log(`${ok ? 'ok  ' : 'MISS'} every command makes the fewest calls it could (ratio 1.00)`);
  await container.close();
  await openai.close();
  return ok;
}
