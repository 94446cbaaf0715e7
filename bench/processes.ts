import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface Child {
  /** Values the child printed as `KEY=value` lines before `READY`. */
  values: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts a TypeScript entry point in its own Node.js process and waits for its `READY` line. */
export async function startChild(entry: string, env: Record<string, string> = {}): Promise<Child> {
  const file = fileURLToPath(new URL(entry, import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', file], {
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
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
