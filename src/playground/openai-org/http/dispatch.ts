import { ApiError } from '../api-error.js';
import { QueryReader } from '../query.js';
import type { Router } from '../router.js';
import { apiKeyActor, appendAuditEvent } from '../state/audit-events.js';
import type { FakeState } from '../state/fake-state.js';
import type { AdminKeyRecord } from '../state/records.js';
import type { ParsedRequest } from './read-request.js';

/** Status and JSON body of a response. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const NO_KEY =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";

function mask(token: string): string {
  return token.length <= 10 ? '***' : `${token.slice(0, 6)}***${token.slice(-4)}`;
}

/** The admin key named by `Authorization: Bearer <value>`; any other form, unknown, revoked or expired key is a 401. */
function authenticate(state: FakeState, header: string | undefined): AdminKeyRecord {
  const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
  if (!token) throw new ApiError(401, NO_KEY, { code: 'invalid_api_key' });
  const key = [...state.adminKeys.values()].find((candidate) => candidate.value === token);
  if (!key || (key.expiresAt !== null && key.expiresAt <= state.now)) {
    throw new ApiError(
      401,
      `Incorrect API key provided: ${mask(token)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      { code: 'invalid_api_key' },
    );
  }
  return key;
}

function route(state: FakeState, router: Router, request: ParsedRequest): unknown {
  const { recorded } = request;
  const key = authenticate(state, recorded.headers.authorization);
  key.lastUsedAt = state.now;
  const match = request.segments && router.match(recorded.method, request.segments);
  if (!match) throw new ApiError(404, `Invalid URL (${recorded.method} ${recorded.rawPath})`);
  if (!request.bodyIsJson) {
    throw new ApiError(
      400,
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)",
    );
  }
  const contentType = recorded.headers['content-type'] ?? '';
  if (request.hasBody && !contentType.toLowerCase().startsWith('application/json')) {
    throw new ApiError(400, `Invalid Content-Type header (${contentType || 'none'}); expected application/json.`);
  }
  const actor = apiKeyActor(state, key.id);
  return match.handler({
    state,
    query: new QueryReader(recorded.query),
    body: recorded.body,
    param: (name) => match.params[name] ?? '',
    audit: (type, payload, projectId) => {
      appendAuditEvent(state, { type, payload, actor, ...(projectId === undefined ? {} : { projectId }) });
    },
  });
}

/** Authenticates, routes and runs one request; every failure becomes an OpenAI error envelope. */
export function dispatch(state: FakeState, router: Router, request: ParsedRequest): Reply {
  try {
    return { status: 200, body: route(state, router, request) };
  } catch (error) {
    const apiError =
      error instanceof ApiError
        ? error
        : new ApiError(500, `Emulated Admin API bug: ${(error as Error).message ?? error}`);
    return { status: apiError.status, body: apiError.toEnvelope() };
  }
}
