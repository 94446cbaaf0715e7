import type { JsonValue } from '../json.js';

/**
 * Base of every failure talking to the Admin API. `requestId` is OpenAI's `x-request-id`, when there was a
 * response. The port's implementation turns its client library's errors into these, so the domain and the edges
 * know no HTTP library.
 */
export class AdminApiError extends Error {
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly code: string | undefined;
  readonly type: string | undefined;
  readonly param: string | undefined;

  constructor(
    message: string,
    fields: { status?: number; requestId?: string; code?: string; type?: string; param?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: fields.cause });
    this.name = new.target.name;
    this.status = fields.status;
    this.requestId = fields.requestId;
    this.code = fields.code;
    this.type = fields.type;
    this.param = fields.param;
  }
}

export class BadRequestError extends AdminApiError {}
export class AuthenticationError extends AdminApiError {}
export class PermissionDeniedError extends AdminApiError {}
export class NotFoundApiError extends AdminApiError {}
export class ConflictError extends AdminApiError {}
export class UnprocessableEntityError extends AdminApiError {}
export class RateLimitError extends AdminApiError {}
export class InternalServerError extends AdminApiError {}
/** No response arrived: connection refused, reset, DNS failure. */
export class ConnectionError extends AdminApiError {}
/** No response within the configured timeout. */
export class TimeoutError extends AdminApiError {}
/** A 2xx response whose body did not match the documented shape. */
export class UnexpectedResponseError extends AdminApiError {}
/** A listing stopped because it made no progress (a cursor came back, an empty page said more follow) or ran too long. */
export class PaginationError extends AdminApiError {}

/** The request a write would have made: method, path (with its query) and JSON body. Never holds credentials. */
export type WouldSend = {
  readonly method: string;
  readonly path: string;
  readonly body?: JsonValue;
};

/** A write that was not sent because the bot runs in dry-run mode (`DRY_RUN=1`); nothing was changed. */
export class WriteNotSent extends Error {
  readonly request: WouldSend;

  constructor(request: WouldSend) {
    super(`dry run: would ${describeRequest(request)}`);
    this.name = 'WriteNotSent';
    this.request = request;
  }
}

const MAX_SHOWN_BODY = 1_000;

/** `POST /organization/invites {"email":"a@b.com","role":"reader"}`, the body cut short when long. */
export function describeRequest({ method, path, body }: WouldSend): string {
  if (body === undefined) return `${method} ${path}`;
  const json = JSON.stringify(body);
  return `${method} ${path} ${json.length > MAX_SHOWN_BODY ? `${json.slice(0, MAX_SHOWN_BODY)}…` : json}`;
}
