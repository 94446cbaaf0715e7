/**
 * Errors the domain raises on purpose. Each carries a stable `code` and a message written for the person
 * who typed the command; the Slack and CLI edges show `message` as is.
 */
export class AppError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details;
  }
}

/** The input was wrong; `usage` is the usage line of the operation the user meant, when known. */
export class UsageError extends AppError {
  readonly usage: string | undefined;
  constructor(message: string, usage?: string) {
    super('bad_input', message);
    this.usage = usage;
  }
}

/** The policy does not allow this person to do this here. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/** Something the user named does not exist (a project name, an email with no user). */
export class NotFoundError extends AppError {
  constructor(message: string) {
    super('not_found', message);
  }
}

/** The database did not answer in time or could not be reached; nothing the caller asked for was done. */
export class StoreUnavailableError extends AppError {
  constructor(options: { cause?: unknown } = {}) {
    super(
      'store_unavailable',
      'The bot’s database is not answering right now, so this could not be done. Try again in a minute.',
      options,
    );
  }
}
