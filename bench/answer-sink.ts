import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { AnswerSession } from './flood.js';

/** A new session's record, shared with the sink's thread. */
export interface SessionMessage {
  name: string;
  answeredAt: SharedArrayBuffer;
}

/**
 * Receives response_url posts on loopback and notes when each command's first answer arrived, per session. One
 * server for every run, because the bot only answers response URLs on its configured Slack host. It runs in a thread
 * of its own at a lower priority than the load generator, so the bot's answers, which the bare app never sends, do not
 * delay the load generator's reading of acknowledgements and so count against the bot's latency.
 */
export class AnswerSink {
  #worker: Worker | undefined;
  url = '';

  async start(): Promise<this> {
    this.#worker = new Worker(new URL('./answer-sink-thread.ts', import.meta.url), {
      workerData: { timeOrigin: performance.timeOrigin },
      execArgv: ['--import', 'tsx'],
    });
    const [url] = (await once(this.#worker, 'message')) as [string];
    this.url = url;
    return this;
  }

  /** A fresh record for one flood of at most `capacity` commands, ready once this resolves. */
  async session(name: string, capacity: number): Promise<AnswerSession> {
    const worker = this.#worker as Worker;
    const buffer = new SharedArrayBuffer(capacity * Float64Array.BYTES_PER_ELEMENT);
    const registered = once(worker, 'message');
    worker.postMessage({ name, answeredAt: buffer } satisfies SessionMessage);
    await registered;
    return { url: `${this.url}/s/${name}`, answeredAt: new Float64Array(buffer) };
  }

  async close(): Promise<void> {
    await this.#worker?.terminate();
  }
}
