import { z } from 'zod';
import type { ApiResponse } from '../domain/admin-api/admin-api.js';
import { PaginationError, UnexpectedResponseError } from '../domain/admin-api/errors.js';
import { toPortError } from './errors.js';

/** What the SDK's methods return: a promise that can also hand over the HTTP response. */
export interface SdkPromise<T> {
  withResponse(): Promise<{ data: T; response: Response; request_id: string | null }>;
}

/** One page of an SDK listing, as its page classes (cursor, conversation cursor, next cursor) all offer it. */
export interface SdkPage {
  getPaginatedItems(): unknown[];
  has_more?: boolean;
  /** The SDK's own reading of the cursor: `last_id`, the last item's id or `next`, by endpoint. */
  nextPageRequestOptions(): { query?: unknown } | null;
}

/** One page as the guard reads it. */
export interface Page<T> {
  items: T[];
  hasMore: boolean;
  next: string | null | undefined;
  requestId: string | undefined;
}

/** How long one listing may take, from its first request; the clock is injectable for tests. */
export interface PagingLimits {
  deadlineMs: number;
  now: () => number;
}

/** Checks an answer against the shape the domain relies on; extra fields are kept. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, requestId?: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const at = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new UnexpectedResponseError(`OpenAI's answer does not have the documented shape${at}: ${issue?.message}`, {
    ...(requestId ? { requestId } : {}),
  });
}

/** Sends one SDK request; the SDK's errors become the port's. The answer is not checked yet. */
async function send<T>(request: () => SdkPromise<T>): Promise<ApiResponse<T>> {
  try {
    const { data, request_id } = await request().withResponse();
    return { data, requestId: request_id ?? undefined };
  } catch (error) {
    throw toPortError(error);
  }
}

/** Sends one SDK request and validates its answer. */
export async function call<S extends z.ZodType>(
  schema: S,
  request: () => SdkPromise<unknown>,
): Promise<ApiResponse<z.output<S>>> {
  const { data, requestId } = await send(request);
  return { data: parse(schema, data, requestId), requestId };
}

/** Reads one page of an SDK listing, its items validated. */
export async function sdkPage<S extends z.ZodType>(
  item: S,
  request: () => SdkPromise<SdkPage>,
): Promise<Page<z.output<S>>> {
  const { data: page, requestId } = await send(request);
  const query = page.nextPageRequestOptions()?.query as { after?: string } | undefined;
  return {
    items: parse(z.array(item), page.getPaginatedItems(), requestId),
    hasMore: page.has_more === true,
    next: query?.after,
    requestId,
  };
}

/**
 * Every item of a listing, fetching pages as they are read. Iteration ends with a `PaginationError` instead of
 * looping or stopping silently when a page repeats a cursor, a page says more follow but is empty or has no
 * cursor, or the listing outlives its deadline.
 */
export async function* paginate<T>(
  what: string,
  limits: PagingLimits,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T, void, undefined> {
  const started = limits.now();
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(cursor);
    yield* page.items;
    if (!page.hasMore) return;
    const stop = (why: string) =>
      new PaginationError(`Stopped listing ${what} after ${pages} page${pages === 1 ? '' : 's'}: ${why}.`, {
        ...(page.requestId ? { requestId: page.requestId } : {}),
      });
    if (page.items.length === 0) throw stop('OpenAI sent an empty page that said more follow');
    if (!page.next) throw stop('OpenAI said more follow but gave no cursor for them');
    if (seen.has(page.next)) throw stop(`OpenAI sent the cursor ${page.next} a second time`);
    if (limits.now() - started > limits.deadlineMs) {
      throw stop(`the listing took longer than ${Math.round(limits.deadlineMs / 1000)} s`);
    }
    seen.add(page.next);
    cursor = page.next;
  }
}

/** Every item of an SDK listing whose next page is asked for with `after`. */
export function listing<S extends z.ZodType>(
  what: string,
  limits: PagingLimits,
  item: S,
  request: (after: string | undefined) => SdkPromise<SdkPage>,
): AsyncGenerator<z.output<S>, void, undefined> {
  return paginate(what, limits, (after) => sdkPage(item, () => request(after)));
}
