/** Base of every failure talking to the Admin API. `requestId` is OpenAI's `x-request-id`, when there was a response. */
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

type ErrorClass = new (message: string, fields: ConstructorParameters<typeof AdminApiError>[1]) => AdminApiError;

const BY_STATUS: Record<number, ErrorClass> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundApiError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

interface ErrorEnvelope {
  message?: unknown;
  type?: unknown;
  code?: unknown;
  param?: unknown;
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** Maps an HTTP error response to the error class for its status, tolerating bodies without the `error` wrapper. */
export function errorFromResponse(status: number, body: unknown, requestId: string | undefined): AdminApiError {
  const raw = (body && typeof body === 'object' ? body : {}) as { error?: ErrorEnvelope } & ErrorEnvelope;
  const envelope: ErrorEnvelope = raw.error && typeof raw.error === 'object' ? raw.error : raw;
  const message = asString(envelope.message) ?? `HTTP ${status}`;
  const Class = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : AdminApiError);
  return new Class(message, {
    status,
    requestId,
    code: asString(envelope.code),
    type: asString(envelope.type),
    param: asString(envelope.param),
  });
}
