import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { writePolicy } from '../test/helpers/policy.js';
import { SIGNING_SECRET } from '../test/helpers/slack-requests.js';
import { startChild } from './processes.js';
import { printTable } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ADMIN_KEY = 'sk-admin-bench-key';
const TOKEN = 'xoxb-bench-token';
/** How long a started process is left alone before its resident memory is read. */
const IDLE_MS = 3_000;
const STARTUP_TARGET = 2.5;
const RSS_TARGET = 2;

interface Target {
  name: string;
  args: () => string[];
  env: () => Record<string, string>;
}

interface Sample {
  startupMs: number;
  rssBytes: number;
}

const freePort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
};

const rssOf = (pid: number): number => {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) * 1024;
};

/** The Node.js flags and entry point of `npm start`. */
const startCommand = (): string[] => {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [node, ...args] = scripts.start.split(/\s+/);
  if (node !== 'node') throw new Error(`npm start does not run node: ${scripts.start}`);
  return args;
};

/** The bare Bolt baseline as plain JavaScript, so neither side pays for a TypeScript loader. */
const compiledBaseline = (): string => {
  const source = readFileSync(join(ROOT, 'bench/bare-bolt-main.ts'), 'utf8');
  const outputText = stripTypeScriptTypes(source);
  // Inside the project, so `@slack/bolt` resolves from its node_modules.
  const dir = join(ROOT, 'node_modules/.cache/bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'bare-bolt-main.mjs');
  writeFileSync(file, outputText);
  return file;
};

/** Spawns a server, polls `GET /healthz` until 200, waits idle, reads its RSS, then stops it. */
async function measure(target: Target): Promise<Sample> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, target.args(), {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...target.env(), PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = once(child, 'exit');
  try {
    let startupMs = Number.NaN;
    while (Number.isNaN(startupMs)) {
      if (child.exitCode !== null) throw new Error(`${target.name} exited with ${child.exitCode}`);
      if (performance.now() - started > 30_000) throw new Error(`${target.name} did not answer /healthz in 30 s`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ok) startupMs = performance.now() - started;
      else await sleep(5);
    }
    await sleep(IDLE_MS);
    return { startupMs, rssBytes: rssOf(child.pid as number) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/**
 * Startup time (spawn to the first 200 from `GET /healthz`) and idle resident memory of the bot as `npm start` runs
 * it (compiled), against a bare Bolt app in the same run; the bot run through tsx is shown for comparison.
 */
export async function benchStartup(runs = 7): Promise<boolean> {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const baseline = compiledBaseline();
  const fakes = await startChild('./fakes-main.ts', { BENCH_ADMIN_KEY: ADMIN_KEY });
  const slack = {
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fakes.values.SLACK_API_URL ?? '',
  };
  const policy = writePolicy();
  const botEnv = () => ({
    ...slack,
    OPENAI_ADMIN_KEY: ADMIN_KEY,
    OPENAI_BASE_URL: fakes.values.OPENAI_BASE_URL ?? '',
    // A new database each start: migrations included, as on a first deployment.
    DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'bench-startup-')), 'bot.db')}`,
    POLICY_FILE: policy,
  });
  // The same Node.js flags for every target, so only the code differs.
  const nodeFlags = startCommand().slice(0, -1);
  const targets: Target[] = [
    { name: 'bare Bolt', args: () => [...nodeFlags, baseline], env: () => slack },
    { name: 'bot (npm start, compiled)', args: () => startCommand(), env: botEnv },
    { name: 'bot (tsx, npm run dev)', args: () => [...nodeFlags, '--import', 'tsx', 'src/main.ts'], env: botEnv },
  ];
  const samples = new Map<string, Sample[]>(targets.map((t) => [t.name, []]));
  try {
    for (const target of targets) await measure(target); // warm the file system cache alike
    // Alternate the targets so background noise falls on each alike.
    for (let run = 0; run < runs; run++) {
      for (const target of targets) samples.get(target.name)?.push(await measure(target));
    }
  } finally {
    await fakes.stop();
  }
  const summary = targets.map((t) => {
    const s = samples.get(t.name) ?? [];
    return { name: t.name, ms: median(s.map((x) => x.startupMs)), rss: median(s.map((x) => x.rssBytes)) };
  });
  const [bare, bot] = summary as [(typeof summary)[0], (typeof summary)[0]];
  const rows = summary.map((s) => [
    s.name,
    `${s.ms.toFixed(0)} ms`,
    (s.ms / bare.ms).toFixed(2),
    `${(s.rss / 1024 / 1024).toFixed(1)} MB`,
    (s.rss / bare.rss).toFixed(2),
  ]);
  const startupOk = bot.ms / bare.ms <= STARTUP_TARGET;
  const rssOk = bot.rss / bare.rss <= RSS_TARGET;
  console.log(
    `\nStartup (spawn to GET /healthz 200) and idle RSS after ${IDLE_MS / 1000} s, median of ${runs} starts each`,
  );
  printTable(['process', 'startup', 'vs bare', 'idle RSS', 'vs bare'], rows);
  console.log(
    `targets for npm start: startup within ${STARTUP_TARGET}x of bare Bolt (${startupOk ? 'ok' : 'MISS'}), ` +
      `RSS within ${RSS_TARGET}x (${rssOk ? 'ok' : 'MISS'})`,
  );
  return startupOk && rssOk;
}
