import {
  AdminApiError,
  AuthenticationError,
  ConnectionError,
  InternalServerError,
  NotFoundApiError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnexpectedResponseError,
  WriteNotSent,
} from './domain/admin-api/errors.js';
import { AppError, UsageError } from './errors.js';

/** An error in plain words for the person who ran the command. */
export interface ErrorText {
  /** What happened, for a person. */
  message: string;
  /** The usage line, for bad input. */
  usage?: string;
  /** OpenAI's request id, when the Admin API answered. */
  requestId?: string;
  /** False for faults nobody caused on purpose (bugs, crashes); those are logged as errors. */
  expected: boolean;
}

const openAiWords = (error: AdminApiError): string => {
  if (error instanceof AuthenticationError) {
    return error.code === 'ip_not_authorized'
      ? 'OpenAI refused the request: this server’s IP address is not on the organization’s allowlist.'
      : 'OpenAI rejected the bot’s admin key (invalid, revoked or expired). Ask an owner to update OPENAI_ADMIN_KEY.';
  }
  if (error instanceof PermissionDeniedError) return 'The bot’s admin key is not allowed to do this.';
  if (error instanceof NotFoundApiError) return 'OpenAI could not find that.';
  if (error instanceof RateLimitError)
    return 'OpenAI is rate limiting the bot; it retried and gave up. Try again in a minute.';
  if (error instanceof InternalServerError) return 'OpenAI had an internal error.';
  if (error instanceof TimeoutError) return 'OpenAI did not answer in time.';
  if (error instanceof ConnectionError) return 'The bot could not reach OpenAI.';
  if (error instanceof UnexpectedResponseError) return 'OpenAI answered in a shape the bot does not understand.';
  if (error instanceof PaginationError)
    return 'OpenAI’s listing did not come to an end, so the bot stopped reading it.';
  return 'OpenAI refused the request.';
};

/** Turns any error into words for the user; the one place where error types meet presentation. */
export function describeError(error: unknown): ErrorText {
  if (error instanceof UsageError) {
    return { message: error.message, ...(error.usage ? { usage: error.usage } : {}), expected: true };
  }
  if (error instanceof AppError) return { message: error.message, expected: true };
  if (error instanceof WriteNotSent) return { message: `${error.message}. Nothing was changed.`, expected: true };
  if (error instanceof AdminApiError) {
    const openAiSaid = error.message && !/^HTTP \d+$/.test(error.message) ? ` OpenAI said: “${error.message}”` : '';
    // A stopped listing is the bot's own account of what OpenAI sent.
    const detail = error instanceof PaginationError ? ` ${error.message}` : openAiSaid;
    const status = error.status ? ` (HTTP ${error.status})` : '';
    return {
      message: `${openAiWords(error)}${status}${detail}`,
      ...(error.requestId ? { requestId: error.requestId } : {}),
      expected: !(error instanceof UnexpectedResponseError),
    };
  }
  return {
    message: 'Something went wrong inside the bot. Nothing further was changed; the error is in the bot’s log.',
    expected: false,
  };
}
