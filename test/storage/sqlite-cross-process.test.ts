import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/create-store.js';
import { newRequest } from './contract/harness.js';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'store-sqlite-race-'));
const worker = join(import.meta.dirname, 'sqlite-race-worker.ts');

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('SQLite store across processes', () => {
  it('gives each approved request exactly one executor when two processes race on one file', async () => {
    const path = join(root, 'race.db');
    const store = await createStore(`sqlite:${path}`);
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 1) ids.push((await store.insert(newRequest({ state: 'approved' }))).id);

    const startAt = String(Date.now() + 1500);
    const race = (name: string, order: string[]) =>
      run(process.execPath, ['--import', 'tsx', worker, path, name, JSON.stringify(order), startAt]).then(
        ({ stdout }) => (JSON.parse(stdout) as { wins: number }).wins,
      );
    const [winsA, winsB] = await Promise.all([race('process-a', ids), race('process-b', [...ids].reverse())]);

    const executing = await store.listByState(['executing'], { limit: 1000 });
    await store.close();
    expect(winsA + winsB).toBe(ids.length);
    expect(executing).toHaveLength(ids.length);
    const byA = executing.filter((r) => r.decided_by === 'process-a').length;
    expect(byA).toBe(winsA);
  });
});
