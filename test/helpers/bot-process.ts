import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('./bot-main.ts', import.meta.url));
const SKEWED_CLOCK = fileURLToPath(new URL('./skewed-clock.ts', import.meta.url));

export interface BotProcess {
  url: string;
  child: ChildProcess;
  stderr: string[];
  /** SIGKILL: no cleanup at all, as in a crash. */
  kill(): Promise<void>;
  /** SIGTERM: graceful shutdown. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Runs the process with its wall clock this far ahead (negative: behind) of the machine's. */
  clockOffsetMs?: number;
}

/** Starts the real bot in its own Node.js process and waits until it listens. */
export async function spawnBot(env: Record<string, string>, options: SpawnOptions = {}): Promise<BotProcess> {
  const skew = options.clockOffsetMs ? ['--import', SKEWED_CLOCK] : [];
  const clockEnv = options.clockOffsetMs ? { TEST_CLOCK_OFFSET_MS: String(options.clockOffsetMs) } : {};
  const child = spawn(process.execPath, ['--import', 'tsx', ...skew, MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env, ...clockEnv, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk) => stderr.push(String(chunk)));
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`bot did not start: ${stderr.join('')}`)), 20_000);
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      const match = /READY (\d+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${code}: ${stderr.join('')}`));
    });
  });
  const exited = once(child, 'exit');
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stderr,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
