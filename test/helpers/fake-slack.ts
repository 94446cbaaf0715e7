import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blockKitProblem } from './block-kit-limits.js';

/** One call the bot made to the fake: a Web API method or a response_url post. */
export interface SlackCall {
  /** Web API method (`chat.postMessage`) or `response:<id>` for response_url posts, `upload:<id>` for file bytes. */
  method: string;
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  at: number;
  /** When the fake sent its answer; unset while a delayed call is still pending. */
  answeredAt?: number;
}

/** A position in the recorded calls (see `FakeSlack.mark`). */
export interface SlackMark {
  readonly index: number;
}

export interface FakeSlackUser {
  id: string;
  email?: string;
  name?: string;
}

type Handler = (body: Record<string, unknown>) => Record<string, unknown>;

const JSON_FIELDS = ['blocks', 'view', 'attachments', 'files', 'metadata'];

/** Methods that post or rewrite a message, whose blocks Slack checks against Block Kit's limits. */
const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral']);

const readBody = async (req: IncomingMessage): Promise<{ body: Record<string, unknown>; raw: Buffer }> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return { body: raw.length ? JSON.parse(raw.toString('utf8')) : {}, raw };
  if (type.includes('application/x-www-form-urlencoded')) {
    const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    for (const field of JSON_FIELDS) {
      if (typeof body[field] === 'string') {
        try {
          body[field] = JSON.parse(body[field] as string);
        } catch {
          // leave as sent
        }
      }
    }
    return { body, raw };
  }
  return { body: { bytes: raw.length }, raw };
};

/** The file's bytes of an upload: sent raw, or (as the Slack SDK does) as the one file part of a multipart form. */
const uploadedBytes = async (req: IncomingMessage, raw: Buffer): Promise<Buffer> => {
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('multipart/form-data')) return raw;
  const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  const part = [...form.values()].find((value) => typeof value !== 'string');
  return part ? Buffer.from(await part.arrayBuffer()) : raw;
};

/**
 * A local Slack Web API with real behaviour: messages posted can be updated, ts values are unique,
 * errors come back as HTTP 200 `{ok:false,error}` like Slack's, response_url posts are recorded.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly users = new Map<string, FakeSlackUser>();
  readonly userGroups = new Map<string, string[]>();
  readonly messages = new Map<
    string,
    { channel: string; ts: string; text?: unknown; blocks?: unknown; thread_ts?: string }
  >();
  readonly uploads = new Map<string, Buffer>();
  #server: Server | undefined;
  #ts = 1_700_000_000;
  #seq = 0;
  #failures: { method: string; error: string; times: number }[] = [];
  readonly #delays = new Map<string, number>();
  #rateLimits: { method: string; retryAfterSec: number }[] = [];
  #limitedUntil = 0;
  /** Web API calls that arrived while a rate limit this fake announced was still in force. */
  readonly callsWhileLimited: SlackCall[] = [];
  url = '';
  /** Where `apps.connections.open` sends Socket Mode clients; set by a test's WebSocket server. */
  socketUrl = '';

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      this.#handle(req).then(
        ({ status, payload, headers }) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(payload));
        },
        (error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  /** Makes the next `times` calls of `method` answer `{ok:false, error}`. */
  failNext(method: string, error: string, times = 1): void {
    this.#failures.push({ method, error, times });
  }

  /** Makes every later call of `method` wait `ms` before it is answered (0 removes the delay). */
  delay(method: string, ms: number): void {
    if (ms > 0) this.#delays.set(method, ms);
    else this.#delays.delete(method);
  }

  /**
   * Answers the next call of `method` with HTTP 429 and `Retry-After: retryAfterSec`, like Slack's rate limiter;
   * calls arriving before that time has passed are recorded in `callsWhileLimited`.
   */
  rateLimitNext(method: string, retryAfterSec: number): void {
    this.#rateLimits.push({ method, retryAfterSec });
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** The current end of the call log; pass it to `waitFor` to wait only for calls made from now on. */
  mark(): SlackMark {
    return { index: this.calls.length };
  }

  /** Calls made after `mark`, oldest first. */
  callsSince(mark: SlackMark): SlackCall[] {
    return this.calls.slice(mark.index);
  }

  /**
   * Waits until a call made after `after` matches the predicate, returning the first such call. Earlier calls
   * never match, so a wait cannot be satisfied by what an earlier step or test caused.
   */
  async waitFor(after: SlackMark, predicate: (call: SlackCall) => boolean, timeoutMs = 5_000): Promise<SlackCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.callsSince(after).find(predicate);
      if (found) return found;
      if (Date.now() > deadline) {
        const seen = this.calls
          .slice(after.index)
          .map((c) => c.method)
          .join(', ');
        throw new Error(`No matching Slack call within ${timeoutMs} ms; saw after the mark: ${seen || 'nothing'}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Waits for the first post to the response_url named `responseId` (each command or click gets its own). */
  /**
   * What a response URL's messages leave on screen, as Slack applies them: `replace_original` replaces the message
   * the URL last showed (or the one holding the clicked button, which is not listed), `delete_original` removes it.
   */
  shownVia(responseId: string): Record<string, unknown>[] {
    const shown: Record<string, unknown>[] = [];
    for (const call of this.callsTo(`response:${responseId}`)) {
      if (call.body.delete_original === true) shown.pop();
      else if (call.body.replace_original === true && shown.length > 0) shown[shown.length - 1] = call.body;
      else shown.push(call.body);
    }
    return shown;
  }

  /** The first message a response URL received that is neither a "Working on it…" note nor its removal. */
  waitForAnswer(responseId: string, timeoutMs = 5_000): Promise<SlackCall> {
    return this.waitFor(
      { index: 0 },
      (call) =>
        call.method === `response:${responseId}` &&
        call.body.text !== 'Working on it…' &&
        call.body.delete_original !== true,
      timeoutMs,
    );
  }

  waitForResponse(responseId: string, timeoutMs = 5_000): Promise<SlackCall> {
    return this.waitFor({ index: 0 }, (call) => call.method === `response:${responseId}`, timeoutMs);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server?.closeAllConnections();
      this.#server?.close(() => resolve());
    });
  }

  async #handle(req: IncomingMessage): Promise<{ status: number; payload: unknown; headers?: Record<string, string> }> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const { body, raw } = await readBody(req);
    if (path.startsWith('/response/')) {
      this.calls.push({ method: `response:${path.slice(10)}`, body, headers: req.headers, at: Date.now() });
      return { status: 200, payload: { ok: true } };
    }
    if (path.startsWith('/upload/')) {
      const id = path.slice(8);
      this.uploads.set(id, await uploadedBytes(req, raw));
      this.calls.push({ method: `upload:${id}`, body: { bytes: raw.length }, headers: req.headers, at: Date.now() });
      return { status: 200, payload: { ok: true } };
    }
    const method = path.replace(/^\/api\//, '');
    const call: SlackCall = { method, body, headers: req.headers, at: Date.now() };
    this.calls.push(call);
    if (call.at < this.#limitedUntil) this.callsWhileLimited.push(call);
    const limit = this.#rateLimits.find((l) => l.method === method);
    if (limit) {
      this.#rateLimits.splice(this.#rateLimits.indexOf(limit), 1);
      this.#limitedUntil = Date.now() + limit.retryAfterSec * 1000;
      const headers = { 'retry-after': String(limit.retryAfterSec) };
      call.answeredAt = Date.now();
      return { status: 429, payload: { ok: false, error: 'ratelimited' }, headers };
    }
    const delayMs = this.#delays.get(method);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const payload = this.#answer(method, body);
    call.answeredAt = Date.now();
    return { status: 200, payload };
  }

  #answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const failure = this.#failures.find((f) => f.method === method && f.times > 0);
    if (failure) {
      failure.times -= 1;
      return { ok: false, error: failure.error };
    }
    const invalid = MESSAGE_METHODS.has(method) ? blockKitProblem(body.blocks) : undefined;
    if (invalid) return { status: 200, payload: { ok: false, error: 'invalid_blocks', errors: [invalid] } };
    const handler = this.#handlers[method];
    return handler ? handler(body) : { ok: false, error: 'unknown_method' };
  }

  #nextTs(): string {
    this.#seq += 1;
    return `${this.#ts}.${String(this.#seq).padStart(6, '0')}`;
  }

  readonly #handlers: Record<string, Handler> = {
    'apps.connections.open': () =>
      this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'invalid_auth' },
    'auth.test': () => ({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'openai-admin' }),
    'chat.postMessage': (body) => {
      const ts = this.#nextTs();
      const channel = String(body.channel);
      const thread = typeof body.thread_ts === 'string' ? body.thread_ts : undefined;
      if (thread && !this.messages.has(`${channel}:${thread}`)) return { ok: false, error: 'thread_not_found' };
      this.messages.set(`${channel}:${ts}`, {
        channel,
        ts,
        text: body.text,
        blocks: body.blocks,
        ...(thread ? { thread_ts: thread } : {}),
      });
      return { ok: true, channel, ts, message: { ts, text: body.text, ...(thread ? { thread_ts: thread } : {}) } };
    },
    'chat.getPermalink': (body) => {
      const found = this.messages.get(`${body.channel}:${body.message_ts}`);
      if (!found) return { ok: false, error: 'message_not_found' };
      const path = `https://fake.slack.com/archives/${found.channel}/p${found.ts.replace('.', '')}`;
      const thread = found.thread_ts ? `?thread_ts=${found.thread_ts}&cid=${found.channel}` : '';
      return { ok: true, channel: found.channel, permalink: `${path}${thread}` };
    },
    'chat.update': (body) => {
      const key = `${body.channel}:${body.ts}`;
      const existing = this.messages.get(key);
      if (!existing) return { ok: false, error: 'message_not_found' };
      this.messages.set(key, { ...existing, text: body.text, blocks: body.blocks });
      return { ok: true, channel: body.channel, ts: body.ts };
    },
    'chat.postEphemeral': () => ({ ok: true, message_ts: this.#nextTs() }),
    'conversations.open': (body) => ({ ok: true, channel: { id: `D${String(body.users).replace(/^U/, '')}` } }),
    'views.open': () => ({ ok: true, view: { id: `V${++this.#seq}`, hash: 'h1' } }),
    'views.update': (body) => ({ ok: true, view: { id: body.view_id ?? 'V1', hash: 'h2' } }),
    'views.push': () => ({ ok: true, view: { id: `V${++this.#seq}` } }),
    'views.publish': () => ({ ok: true }),
    'users.info': (body) => {
      const user = this.users.get(String(body.user));
      if (!user) return { ok: false, error: 'user_not_found' };
      return { ok: true, user: { id: user.id, name: user.name ?? user.id, profile: { email: user.email } } };
    },
    'users.lookupByEmail': (body) => {
      const user = [...this.users.values()].find((u) => u.email === body.email);
      return user
        ? { ok: true, user: { id: user.id, profile: { email: user.email } } }
        : { ok: false, error: 'users_not_found' };
    },
    'usergroups.users.list': (body) => {
      const users = this.userGroups.get(String(body.usergroup));
      return users ? { ok: true, users } : { ok: false, error: 'no_such_subteam' };
    },
    'files.getUploadURLExternal': () => {
      const id = `F${++this.#seq}`;
      return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
    },
    'files.completeUploadExternal': (body) => {
      const files = (body.files as { id: string; title?: string }[] | undefined) ?? [];
      if (files.some((f) => !this.uploads.has(f.id))) return { ok: false, error: 'file_not_found' };
      return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
    },
  };
}
