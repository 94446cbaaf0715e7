import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Playground, startPlayground } from '../../src/playground/playground.js';
import { captureLines } from './log-capture.js';

export interface TestPlayground extends Playground {
  logs: string[];
}

/** The playground on a free port with its data in a fresh temporary folder, removed on close. */
export async function startTestPlayground(): Promise<TestPlayground> {
  const dataDir = mkdtempSync(join(tmpdir(), 'playground-data-'));
  const { destination, lines } = captureLines();
  const playground = await startPlayground({ port: 0, dataDir, logLevel: 'info', logDestination: destination });
  return {
    ...playground,
    logs: lines,
    async close() {
      await playground.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
