/** The body OpenAI sends with every error response. */
export interface ErrorEnvelope {
  error: { message: string; type: string; param: string | null; code: string | null };
}

interface ApiErrorOptions {
  type?: string;
  param?: string | null;
  code?: string | null;
}

/** An error the emulated organization answers with; handlers throw it and the dispatcher turns it into an envelope. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;

  constructor(status: number, message: string, options: ApiErrorOptions = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = options.type ?? (status >= 500 ? 'server_error' : 'invalid_request_error');
    this.param = options.param ?? null;
    this.code = options.code ?? null;
  }

  toEnvelope(): ErrorEnvelope {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** 400 invalid_request_error. */
export function badRequest(message: string, param: string | null = null, code: string | null = null): ApiError {
  return new ApiError(400, message, { param, code });
}

/** 404 not_found, e.g. "No such user: user_x". */
export function notFound(kind: string, id: string, param: string | null = null): ApiError {
  return new ApiError(404, `No such ${kind}: ${id}`, { param, code: 'not_found' });
}

/** 409 for a resource that already exists in a conflicting state. */
export function conflict(message: string, param: string | null, code: string): ApiError {
  return new ApiError(409, message, { param, code });
}

/** Formats allowed values the way OpenAI does: 'a', 'b', and 'c'. */
export function quoteList(values: readonly unknown[]): string {
  const quoted = values.map((value) => `'${String(value)}'`);
  if (quoted.length <= 2) return quoted.join(' and ');
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1)}`;
}

/** 400 invalid_value listing the supported values. */
export function invalidValue(param: string, value: unknown, supported: readonly unknown[]): ApiError {
  return badRequest(
    `Invalid value: '${String(value)}'. Supported values are: ${quoteList(supported)}.`,
    param,
    'invalid_value',
  );
}

const DEFAULT_ERRORS: Record<number, ApiErrorOptions & { message: string }> = {
  400: { message: 'Bad request.', code: null },
  401: { message: 'Incorrect API key provided.', code: 'invalid_api_key' },
  403: { message: 'You do not have permission to perform this action.', code: 'permission_denied' },
  404: { message: 'Not found.', code: 'not_found' },
  409: { message: 'The request conflicted with another request in progress.', code: 'conflict' },
  429: {
    message: 'Rate limit reached for requests. Please try again later.',
    type: 'requests',
    code: 'rate_limit_exceeded',
  },
  500: { message: 'The server had an error while processing your request. Sorry about that!' },
  502: { message: 'Bad gateway.' },
  503: { message: 'The server is overloaded or not ready yet.' },
  504: { message: 'Gateway timeout.' },
};

/** The envelope a real server would plausibly send for a bare status code (used by injected faults). */
export function defaultErrorEnvelope(status: number): ErrorEnvelope {
  const known = DEFAULT_ERRORS[status];
  return new ApiError(status, known?.message ?? `HTTP ${status}`, known ?? {}).toEnvelope();
}
