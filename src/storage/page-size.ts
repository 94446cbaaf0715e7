/** A whole page size between 1 and 1000, `fallback` when none was asked for. */
export function pageSize(limit: number | undefined, fallback: number): number {
  return Math.max(1, Math.min(Math.trunc(limit ?? fallback), 1000));
}
