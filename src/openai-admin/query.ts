/**
 * A query value. Arrays are sent as the OpenAPI document describes them (style `form`, `explode`: the key
 * repeated, `project_ids=a&project_ids=b`), under the parameter's name exactly as the document spells it, so
 * the audit-log filters, whose names carry brackets, are sent as `project_ids[]=a`. Objects are sent as
 * `key[gte]=1`.
 */
export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[] | QueryObject;
export interface QueryObject {
  readonly [key: string]: QueryValue;
}

/** Serialises a query object, skipping undefined and null values. */
export function encodeQuery(query: QueryObject | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  const add = (key: string, value: QueryValue): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) params.append(key, String(item));
    } else if (typeof value === 'object') {
      for (const [inner, innerValue] of Object.entries(value as QueryObject)) add(`${key}[${inner}]`, innerValue);
    } else {
      params.append(key, String(value));
    }
  };
  for (const [key, value] of Object.entries(query)) add(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
