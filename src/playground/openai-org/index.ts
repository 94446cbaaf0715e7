import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultErrorEnvelope } from './api-error.js';
import { dispatch, type Reply } from './http/dispatch.js';
import { FaultQueue } from './http/fault-queue.js';
import { readRequest } from './http/read-request.js';
import { Sleeper } from './http/sleeper.js';
import { openPersistedOrganization } from './persistence/persisted-organization.js';
import { createRouter } from './routes/index.js';
import { seedPlaygroundOrganization } from './seed/playground-organization.js';
import { FakeState } from './state/fake-state.js';
import type { FakeAdminApi, FakeAdminApiOptions, FaultSpec, RecordedRequest } from './types.js';

export type { ErrorEnvelope } from './api-error.js';
export { PLAYGROUND_SLACK_PEOPLE, seedPlaygroundOrganization } from './seed/playground-organization.js';
export { DEFAULT_RATE_LIMITS, INVITE_TTL_SECONDS } from './state/defaults.js';
export type { DayInput, NewUsage } from './state/fake-state.js';
export { dayStart, FakeState } from './state/fake-state.js';
export type * from './state/records.js';
export type { Exchange, FakeAdminApi, FakeAdminApiOptions, FaultSpec, RecordedRequest } from './types.js';
export type { UsageKind } from './usage-kinds.js';

function faultReply(fault: FaultSpec): Reply {
  const body = fault.body ?? (fault.status >= 400 ? defaultErrorEnvelope(fault.status) : {});
  const headers = Object.fromEntries(
    Object.entries(fault.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return { status: fault.status, body, headers };
}

function send(res: ServerResponse, requestId: string, reply: Reply): void {
  if (res.destroyed || res.writableEnded) return;
  const payload = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json',
    'x-request-id': requestId,
    'content-length': Buffer.byteLength(payload),
    ...reply.headers,
  });
  res.end(payload);
}

/**
 * Starts an emulated OpenAI organization: a stateful Admin API on a loopback port. With `persistFile` the
 * organization lives in that SQLite file (a new file gets the seeded playground organization), and every
 * change a request makes is saved before the answer is sent; without it, it starts empty and lives in memory.
 *
 * @example
 * const api = await startEmulatedOrganization();
 * api.state.addUser({ email: 'ada@example.com' });
 * await fetch(`${api.url}/organization/users`, { headers: { authorization: 'Bearer sk-admin-test-key' } });
 * await api.close();
 */
export async function startEmulatedOrganization(options: FakeAdminApiOptions = {}): Promise<FakeAdminApi> {
  const state = new FakeState(options.adminKey ?? 'sk-admin-test-key');
  const seed = (fresh: FakeState) => seedPlaygroundOrganization(fresh, fresh.now);
  const file =
    options.persistFile === undefined ? undefined : openPersistedOrganization(options.persistFile, state, seed);
  const router = createRouter();
  const faults = new FaultQueue();
  const sleeper = new Sleeper();
  const requests: RecordedRequest[] = [];
  let delayMs = options.delayMs ?? 0;
  let counter = 0;

  const server = createServer((req, res) => {
    counter += 1;
    const requestId = `req_${counter}`;
    readRequest(req)
      .then(async (request) => {
        requests.push(request.recorded);
        const fault = faults.take(request.recorded.method, request.recorded.path);
        await sleeper.sleep(delayMs + (fault?.delayMs ?? 0));
        const reply = fault ? faultReply(fault) : dispatch(state, router, request);
        if (!fault) file?.saveAfter(request.recorded.method);
        send(res, requestId, reply);
        const { method, rawPath, query, body } = request.recorded;
        // Injected faults answer out of the document on purpose; only the request is reported then.
        const response = fault ? undefined : { status: reply.status, body: reply.body };
        options.onExchange?.({ method, rawPath: rawPath.replace(/^\/v1(?=\/|$)/, ''), query, body, response });
      })
      .catch((error: unknown) => {
        send(res, requestId, {
          status: 500,
          body: { error: { message: String(error), type: 'server_error', param: null, code: null } },
        });
      });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 0, host: '127.0.0.1', backlog: 2048 }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    state,
    fail: (spec) => faults.add(spec),
    setDelay: (ms) => {
      delayMs = ms;
    },
    save: () => file?.save(),
    reset: () => {
      state.reset();
      if (file) {
        seed(state);
        file.save();
      }
      requests.length = 0;
      faults.clear();
      delayMs = options.delayMs ?? 0;
    },
    close: async () => {
      server.closeAllConnections();
      sleeper.wakeAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      file?.save();
      file?.close();
    },
  };
}
