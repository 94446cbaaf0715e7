import { badRequest } from './api-error.js';

/** Style A list envelope: ID cursor with first_id/last_id. */
export interface IdCursorPage<T> {
  object: 'list';
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/** Style B list envelope: `next` cursor. */
export interface NextCursorPage<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  next: string | null;
}

interface CursorParams {
  limit: number;
  after?: string | undefined;
  before?: string | undefined;
}

interface Window<T> {
  data: T[];
  hasMore: boolean;
}

/** Slices an ordered list by `after`/`before` ids; an unknown cursor id is a 400 naming the parameter. */
function slice<T extends { id: string }>(items: readonly T[], params: CursorParams): Window<T> {
  let start = 0;
  let end = items.length;
  if (params.after !== undefined) start = indexOf(items, params.after, 'after') + 1;
  if (params.before !== undefined) end = indexOf(items, params.before, 'before');
  if (end < start) return { data: [], hasMore: false };
  if (params.before !== undefined && params.after === undefined) {
    const from = Math.max(start, end - params.limit);
    return { data: items.slice(from, end), hasMore: from > start };
  }
  const to = Math.min(end, start + params.limit);
  return { data: items.slice(start, to), hasMore: to < end };
}

function indexOf<T extends { id: string }>(items: readonly T[], id: string, param: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index === -1)
    throw badRequest(`Invalid '${param}': no object with id '${id}' in this list.`, param, 'invalid_cursor');
  return index;
}

/**
 * Style A: `{object:'list', data, first_id, last_id, has_more}`. `items` must already be in list order;
 * `map` turns each record into its wire object after slicing.
 */
export function idCursorPage<T extends { id: string }, W>(
  items: readonly T[],
  params: CursorParams,
  map: (item: T) => W,
): IdCursorPage<W> {
  const { data, hasMore } = slice(items, params);
  return {
    object: 'list',
    data: data.map(map),
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: hasMore,
  };
}

/** Style B: `{object:'list', data, has_more, next}` where `next` is the `after` value for the next page. */
export function nextCursorPage<T extends { id: string }, W>(
  items: readonly T[],
  params: CursorParams,
  map: (item: T) => W,
): NextCursorPage<W> {
  const { data, hasMore } = slice(items, params);
  return { object: 'list', data: data.map(map), has_more: hasMore, next: hasMore ? (data.at(-1)?.id ?? null) : null };
}

/** Applies an `order` query value to a list kept in creation order. */
export function ordered<T>(items: Iterable<T>, order: 'asc' | 'desc' = 'asc'): T[] {
  const list = [...items];
  return order === 'desc' ? list.reverse() : list;
}
