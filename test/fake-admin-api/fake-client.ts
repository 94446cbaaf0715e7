import type { FakeAdminApi } from '../helpers/fake-admin-api/index.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are arbitrary JSON that tests read freely
export type Json = any;

export interface Reply {
  status: number;
  body: Json;
  headers: Headers;
}

export const ADMIN_KEY = 'sk-admin-test-key';

interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Sends one request with the bot's admin key (unless headers override it) and parses the JSON reply. */
export async function call(api: FakeAdminApi, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { authorization: `Bearer ${ADMIN_KEY}` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const init: RequestInit = { method, headers: { ...headers, ...options.headers } };
  if (options.body !== undefined)
    init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  const response = await fetch(`${api.url}${path}`, init);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** Shorthands bound to one fake. */
export function clientFor(api: FakeAdminApi) {
  return {
    get: (path: string) => call(api, 'GET', path),
    post: (path: string, body?: unknown) => call(api, 'POST', path, { body }),
    del: (path: string) => call(api, 'DELETE', path),
  };
}
