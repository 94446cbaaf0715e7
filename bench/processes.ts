import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

let pinning: boolean | undefined;
const canPin = () => {
  pinning ??= availableParallelism() > 1 && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  return pinning;
};

/** Whether startChild can pin processes to cores on this machine. */
export const pinsToCores = () => canPin();

/** Pins this process to `cpus` (e.g. '1' or '0-1'); does nothing where pinning is unavailable. */
export function pinSelf(cpus: string): void {
  if (canPin()) spawnSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)]);
}

/** Every core of this machine, in taskset's notation. */
export const allCores = () => `0-${availableParallelism() - 1}`;

export interface Child {
  /** Values the child printed as `KEY=value` lines before `READY`. */
  values: Record<string, string>;
  /** The process id (taskset execs Node.js, so it is Node's own). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a TypeScript entry point in its own Node.js process and waits for its `READY` line. With `cpu`, the
 * process is pinned to that core (Linux `taskset`), so servers under test do not share a core with the load.
 */
export async function startChild(
  entry: string,
  env: Record<string, string> = {},
  cpu?: number,
  nodeFlags: readonly string[] = [],
): Promise<Child> {
  const file = fileURLToPath(new URL(entry, import.meta.url));
  const node = [process.execPath, ...nodeFlags, '--import', 'tsx', file];
  const [command, ...args] = cpu === undefined || !canPin() ? node : ['taskset', '-c', String(cpu), ...node];
  const child: ChildProcess = spawn(command as string, args, {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const values: Record<string, string> = {};
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      for (const line of out.split('\n')) {
        const match = /^(\w+)=(.*)$/.exec(line.trim());
        if (match?.[1] && match[2] !== undefined) values[match[1]] = match[2];
        if (line.startsWith('READY')) resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
  const exited = once(child, 'exit');
  return {
    values,
    pid: child.pid ?? 0,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
