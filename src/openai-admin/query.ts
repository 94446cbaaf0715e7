/** Endpoints whose list filters the OpenAPI document names with brackets (`event_types[]`). */
const BRACKET_NAMED = new Set(['/organization/audit_logs']);

/**
 * The query string exactly as the OpenAPI document describes the endpoint's parameters: an array is its name
 * repeated (`project_ids=a&project_ids=b`, style `form` with `explode`), or, where the document names the
 * parameter with brackets, repeated under that name (`event_types[]=a`); an object is `key[gte]=1`; undefined and
 * null are left out. (The SDK on its own sends every array in bracket form.)
 */
export function encodeQuery(path: string, query: Record<string, unknown> | null | undefined): string {
  const params = new URLSearchParams();
  const arraySuffix = BRACKET_NAMED.has(path) ? '[]' : '';
  const add = (key: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) params.append(`${key}${arraySuffix}`, String(item));
    } else if (typeof value === 'object') {
      for (const [inner, innerValue] of Object.entries(value)) add(`${key}[${inner}]`, innerValue);
    } else {
      params.append(key, String(value));
    }
  };
  for (const [key, value] of Object.entries(query ?? {})) add(key, value);
  return params.toString();
}
