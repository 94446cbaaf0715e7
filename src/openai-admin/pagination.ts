import { z } from 'zod';
import type { AdminClient } from './client.js';
import type { QueryObject } from './query.js';

/**
 * One page schema per item schema and page style, built on first use: zod compiles a schema when it first parses,
 * so a schema built for every call would be compiled again for every call.
 */
const pages = new WeakMap<z.ZodType, Map<string, z.ZodType>>();
const pageOf = <S extends z.ZodType>(item: z.ZodType, style: string, build: () => S): S => {
  let byStyle = pages.get(item);
  if (!byStyle) {
    byStyle = new Map();
    pages.set(item, byStyle);
  }
  let page = byStyle.get(style);
  if (!page) {
    page = build();
    byStyle.set(style, page);
  }
  return page as S;
};

/** Style A: `{data, first_id, last_id, has_more}`, next page with `after=<last_id>`. */
export const idCursorPage = <T extends z.ZodType>(item: T) =>
  pageOf(item, 'id', () =>
    z.object({
      data: z.array(item),
      has_more: z.boolean().default(false),
      first_id: z.string().nullish(),
      last_id: z.string().nullish(),
    }),
  );

/** Style B: `{data, has_more, next}`, next page with `after=<next>`. */
export const nextCursorPage = <T extends z.ZodType>(item: T) =>
  pageOf(item, 'next', () =>
    z.object({ data: z.array(item), has_more: z.boolean().default(false), next: z.string().nullish() }),
  );

/** Style C: time buckets `{data, has_more, next_page}`, next page with `page=<next_page>`. */
export const pageTokenPage = <T extends z.ZodType>(item: T) =>
  pageOf(item, 'token', () =>
    z.object({ data: z.array(item), has_more: z.boolean().default(false), next_page: z.string().nullish() }),
  );

type Cursor = (page: { data: unknown[]; has_more: boolean } & Record<string, unknown>) => QueryObject | undefined;

async function* paginate<T extends z.ZodType>(
  client: AdminClient,
  schema: z.ZodType<{ data: z.output<T>[]; has_more: boolean }>,
  path: string,
  query: QueryObject,
  next: Cursor,
): AsyncGenerator<z.output<T>, void, undefined> {
  let pageQuery: QueryObject = query;
  for (;;) {
    const { data: page } = await client.request(schema, { method: 'GET', path, query: pageQuery });
    yield* page.data;
    const cursor = page.has_more ? next(page as Parameters<Cursor>[0]) : undefined;
    if (!cursor) return;
    pageQuery = { ...query, ...cursor };
  }
}

/** Every item of a style-A list, fetching pages lazily. */
export function listByIdCursor<T extends z.ZodType>(
  client: AdminClient,
  item: T,
  path: string,
  query: QueryObject = {},
) {
  return paginate<T>(client, idCursorPage(item) as never, path, query, (page) => {
    const last = (page.last_id as string | null | undefined) ?? (page.data.at(-1) as { id?: string } | undefined)?.id;
    return last ? { after: last } : undefined;
  });
}

/** Every item of a style-B list. */
export function listByNextCursor<T extends z.ZodType>(
  client: AdminClient,
  item: T,
  path: string,
  query: QueryObject = {},
) {
  return paginate<T>(client, nextCursorPage(item) as never, path, query, (page) =>
    typeof page.next === 'string' && page.next ? { after: page.next } : undefined,
  );
}

/** Every bucket of a style-C (costs/usage) report. */
export function listByPageToken<T extends z.ZodType>(
  client: AdminClient,
  item: T,
  path: string,
  query: QueryObject = {},
) {
  return paginate<T>(client, pageTokenPage(item) as never, path, query, (page) =>
    typeof page.next_page === 'string' && page.next_page ? { page: page.next_page } : undefined,
  );
}

/** Collects an async iterable, stopping after `limit` items when given. */
export async function collect<T>(items: AsyncIterable<T>, limit = Number.POSITIVE_INFINITY): Promise<T[]> {
  const out: T[] = [];
  if (limit <= 0) return out;
  for await (const item of items) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}
