import type { Logger } from 'pino';
import { describeError } from '../error-text.js';
import { renderError } from './blocks/error.js';
import { postToResponseUrl } from './respond.js';
import type { WorkingNotes } from './working-notes.js';

interface BoltErrorArgs {
  error: Error & { original?: unknown; originals?: unknown[] };
  body?: unknown;
}

const originalOf = (error: BoltErrorArgs['error']): unknown => error.originals?.[0] ?? error.original ?? error;

const responseUrlOf = (body: unknown): string | undefined => {
  const candidate = (body as { response_url?: unknown } | undefined)?.response_url;
  return typeof candidate === 'string' ? candidate : undefined;
};

/**
 * The one edge where errors from every listener become replies: typed errors become plain words for the user
 * (through the payload's `response_url`), unexpected ones are also logged with their stack.
 */
export function createErrorReply(logger: Logger, workingNotes?: WorkingNotes) {
  return async ({ error, body }: BoltErrorArgs): Promise<void> => {
    const original = originalOf(error);
    const text = describeError(original);
    if (text.expected) logger.info({ reason: text.message, requestId: text.requestId }, 'request refused');
    else logger.error({ err: original }, 'listener failed');
    const url = responseUrlOf(body);
    if (!url) return;
    const replaceOriginal = (await workingNotes?.settle(body)) ?? false;
    await postToResponseUrl(url, [renderError(text)], { replaceOriginal }).catch((replyError: unknown) =>
      logger.warn({ err: replyError }, 'could not deliver the error reply'),
    );
  };
}
