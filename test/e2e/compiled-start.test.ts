import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { ADMIN_KEY, envForFakes, messageText } from '../helpers/harness.js';
import { commandBody, postSigned } from '../helpers/slack-requests.js';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);
/** Exactly what `npm start` runs, started without npm in between so that signals and exit codes are the bot's. */
const START_SCRIPT = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } })
  .scripts.start;

/** Command lines of every process in a process group (npm, the shell it may use, node). */
const commandLinesOf = async (group: number): Promise<string[]> => {
  const { stdout } = await run('ps', ['-e', '-o', 'pgid=,args=']);
  return stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match?.[1] === String(group))
    .map((match) => match?.[2] ?? '');
};

describe('npm start runs the compiled bot', () => {
  let slack: FakeSlack;
  let openai: FakeAdminApi;
  beforeAll(async () => {
    // The same build `prepare` runs at install, so the test sees the dist/ of these sources.
    await run('npm', ['run', 'build'], { cwd: ROOT });
    slack = await new FakeSlack().start();
    openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
  }, 180_000);
  afterAll(async () => {
    await slack?.close();
    await openai?.close();
  });

  /** What the bot needs to start against the fakes, and nothing else from this process's environment. */
  const botEnv = () => ({ PATH: process.env.PATH ?? '', ...envForFakes(slack, openai) });

  it('starts dist/server/main.js (the bundle) with plain node, serves /healthz and /metrics, and stops on SIGTERM', async () => {
    const child: ChildProcess = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: botEnv(),
    });
    const group = child.pid as number;
    const exited = once(child, 'exit');
    try {
      const port = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout?.on('data', (chunk) => {
          out += String(chunk);
          const match = /"port":(\d+).*"msg":"bot started"/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${out}`)));
      });
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain('openai_bot_commands_total');
      // A command all the way through the bundle: signature, acknowledgement, the Admin API and the answer.
      const sent = await postSigned(
        `http://127.0.0.1:${port}`,
        commandBody({ text: 'invite bundled@x.com reader', responseUrl: slack.responseUrl('bundled') }),
      );
      expect(sent.status).toBe(200);
      expect(messageText(await slack.waitForAnswer('bundled', 10_000))).toContain('Invited bundled@x.com');
      expect([...openai.state.invites.values()].map((invite) => invite.email)).toContain('bundled@x.com');
      const node = (await commandLinesOf(group)).filter((line) => /^\S*node\s/.test(line));
      expect(node).toHaveLength(1);
      expect(node[0]).toMatch(/ dist\/server\/main\.js$/);
      expect(node[0]).not.toContain('tsx');
    } finally {
      process.kill(-group, 'SIGTERM');
      await exited;
    }
  }, 60_000);

  it('runs the npm start command itself, serves /healthz and shuts down cleanly on SIGTERM', async () => {
    expect(START_SCRIPT).toContain('dist/server/main.js');
    const slack = await new FakeSlack().start();
    const openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
    const child = spawn('sh', ['-c', `exec ${START_SCRIPT}`], {
      cwd: ROOT,
      env: { ...botEnv(), HOME: process.env.HOME ?? '', LOG_LEVEL: 'info' },
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

  it('finds the chart font from dist/', async () => {
    const script = `
      const { renderSpendChart, CHART_FONT_FILE } = await import('./dist/chart/render-png.js');
      const png = await renderSpendChart({ title: 'Daily spend', daysInMonth: 30, series: [] });
      process.stdout.write(JSON.stringify({ font: CHART_FONT_FILE, bytes: png.length }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
    const result = JSON.parse(stdout) as { font: string; bytes: number };
    expect(result.font).toBe(join(ROOT, 'assets/fonts/Inter-Regular.ttf'));
    expect(result.bytes).toBeGreaterThan(1000);
  });
});
