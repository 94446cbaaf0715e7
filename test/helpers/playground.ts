import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Playground, startPlayground } from '../../src/playground/playground.js';
import { captureLines } from './log-capture.js';

export interface TestPlayground extends Playground {
  logs: string[];
  dataDir: string;
  /** Sends what the console's page sends: `POST /console/<route>` with a JSON body. */
  consoleAction(route: string, body: unknown): Promise<Response>;
}

/**
 * The playground on a free port with its data in a fresh temporary folder, removed on close, or in `dataDir`, kept
 * (to start it again on the same data).
 */
export async function startTestPlayground(dataDir?: string): Promise<TestPlayground> {
  const folder = dataDir ?? mkdtempSync(join(tmpdir(), 'playground-data-'));
  const { destination, lines } = captureLines();
  const playground = await startPlayground({
    port: 0,
    dataDir: folder,
    logLevel: 'info',
    logDestination: destination,
    triggerMs: 30_000,
  });
  return {
    ...playground,
    logs: lines,
    dataDir: folder,
    consoleAction: (route, body) =>
      fetch(`${playground.url}/console/${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    async close() {
      await playground.close();
      if (!dataDir) rmSync(folder, { recursive: true, force: true });
    },
  };
}
