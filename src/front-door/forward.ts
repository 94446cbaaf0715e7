import type { IncomingMessage } from 'node:http';
import { Pool } from 'undici';
import { type Exchanged, exchange } from '../http/exchange.js';

/** Headers the bot's receiver reads; nothing else of the original request is passed on. */
const PASSED_HEADERS = [
  'content-type',
  'accept',
  'x-slack-signature',
  'x-slack-request-timestamp',
  'x-slack-retry-num',
  'x-slack-retry-reason',
] as const;

const headersOf = (req: IncomingMessage): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const name of PASSED_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
};

/** Passes requests to the bot thread's own HTTP server on loopback. */
export class BotThreadForwarder {
  readonly #origin: string;
  readonly #pool: Pool;

  constructor(port: number) {
    this.#origin = `http://127.0.0.1:${port}`;
    this.#pool = new Pool(this.#origin, { connections: 32, keepAliveTimeout: 30_000 });
  }

  forward(req: IncomingMessage, body: Buffer | undefined, deadlineMs: number): Promise<Exchanged> {
    return exchange(
      this.#pool,
      { origin: this.#origin, path: req.url ?? '/', method: body ? 'POST' : 'GET', headers: headersOf(req), body },
      { deadlineMs },
    );
  }

  async close(): Promise<void> {
    await this.#pool.close();
  }
}
