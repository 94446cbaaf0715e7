import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import {
  AdminApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundApiError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnexpectedResponseError,
  UnprocessableEntityError,
  WriteNotSent,
} from '../domain/admin-api/errors.js';

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

const asString = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** OpenAI's words: the envelope's message, else the start of a body that was not JSON. */
function messageOf(error: APIError): string | undefined {
  const envelope = error.error as { message?: unknown } | undefined;
  const text = asString(envelope?.message);
  if (text) return text;
  const raw = /^\d{3} (.+)$/s.exec(error.message)?.[1];
  return raw && raw !== 'status code (no body)' ? raw.slice(0, 200) : undefined;
}

/**
 * The port's error for whatever the SDK threw: an answer with a status becomes the class for that status with
 * OpenAI's message, code and request id; a failure of the transport (no answer, a write held back in a dry run)
 * comes back as the transport raised it, from the SDK's `cause`.
 */
export function toPortError(error: unknown): unknown {
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  if (cause instanceof AdminApiError || cause instanceof WriteNotSent) return cause;
  if (error instanceof APIConnectionTimeoutError)
    return new TimeoutError('No answer from OpenAI in time', { cause: error });
  if (error instanceof APIConnectionError) return new ConnectionError('Could not reach OpenAI', { cause: error });
  if (error instanceof APIError && error.status !== undefined) {
    const status = error.status;
    const Class = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : AdminApiError);
    return new Class(messageOf(error) ?? `HTTP ${status}`, {
      status,
      requestId: error.requestID ?? undefined,
      code: asString(error.code),
      type: asString(error.type),
      param: asString(error.param),
      cause: error,
    });
  }
  if (error instanceof SyntaxError) {
    return new UnexpectedResponseError(`OpenAI answered with a body that is not JSON: ${error.message}`, {
      cause: error,
    });
  }
  return error;
}
