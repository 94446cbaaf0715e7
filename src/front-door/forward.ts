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

/** Passes requests to the bot thread's own HTTP server on loopback, counting those still on their way. */
export class BotThreadForwarder {
  readonly #origin: string;
  readonly #pool: Pool;
  #outstanding = 0;

  constructor(port: number) {
    this.#origin = `http://127.0.0.1:${port}`;
    this.#pool = new Pool(this.#origin, { connections: 32, keepAliveTimeout: 30_000 });
  }

  /** Requests passed on and not yet answered. */
  get outstanding(): number {
    return this.#outstanding;
  }

  async forward(req: IncomingMessage, body: Buffer | undefined, deadlineMs: number): Promise<Exchanged> {
    this.#outstanding += 1;
    try {
      return await exchange(
        this.#pool,
        { origin: this.#origin, path: req.url ?? '/', method: body ? 'POST' : 'GET', headers: headersOf(req), body },
        { deadlineMs },
      );
    } finally {
      this.#outstanding -= 1;
    }
  }

  async close(): Promise<void> {
    await this.#pool.close();
  }
}
