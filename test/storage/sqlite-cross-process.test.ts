import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/create-store.js';
import { newRequest } from './contract/harness.js';

const root = mkdtempSync(join(tmpdir(), 'store-sqlite-race-'));
const worker = join(import.meta.dirname, 'sqlite-race-worker.ts');

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A worker process that has opened the store and waits for `go()` before racing. */
async function startWorker(path: string, name: string, order: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, path, name, JSON.stringify(order)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += String(chunk);
  });
  const exited = once(child, 'exit');
  while (!out.includes('READY\n')) {
    if (child.exitCode !== null) throw new Error(`worker ${name} exited early`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    go: () => child.stdin.write('go\n'),
    wins: async () => {
      const [code] = await exited;
      if (code !== 0) throw new Error(`worker ${name} failed with ${code}`);
      return (JSON.parse(out.slice(out.indexOf('\n') + 1)) as { wins: number }).wins;
    },
  };
}

describe('SQLite store across processes', () => {
  it('gives each approved request exactly one executor when two processes race on one file', async () => {
    const path = join(root, 'race.db');
    const store = await createStore(`sqlite:${path}`);
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 1) ids.push((await store.insert(newRequest({ state: 'approved' }))).id);

    // Both workers are ready before either starts, and they walk the list from opposite ends, so each wins
    // the requests it reaches first and both must have won some.
    const [a, b] = await Promise.all([
      startWorker(path, 'process-a', ids),
      startWorker(path, 'process-b', [...ids].reverse()),
    ]);
    a.go();
    b.go();
    const [winsA, winsB] = await Promise.all([a.wins(), b.wins()]);

    const executing = await store.listByState(['executing'], { limit: 1000 });
    await store.close();
    expect(winsA + winsB).toBe(ids.length);
    expect(winsA).toBeGreaterThan(0);
    expect(winsB).toBeGreaterThan(0);
    expect(executing).toHaveLength(ids.length);
    expect(executing.filter((r) => r.decided_by === 'process-a')).toHaveLength(winsA);
    expect(executing.filter((r) => r.decided_by === 'process-b')).toHaveLength(winsB);
  });
});
