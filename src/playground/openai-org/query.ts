import { badRequest, invalidValue } from './api-error.js';

const INTEGER = /^-?\d+$/;
const RANGE_OPS = ['gt', 'gte', 'lt', 'lte'] as const;

/** Comparison bounds of an object query parameter such as `effective_at[gte]=...`. */
export type Range = Partial<Record<(typeof RANGE_OPS)[number], number>>;

interface IntBounds {
  min?: number;
  max?: number;
}

/**
 * Reads query parameters. Arrays come as the OpenAPI document describes them (`key=a&key=b`) or as the SDKs
 * send them (`key[]=a&key[]=b`), either accepted; objects only as `key[op]=v`. Any other form is a client bug
 * and gets a 400 naming the parameter.
 */
export class QueryReader {
  constructor(readonly params: URLSearchParams) {}

  /** A scalar parameter; rejects bracket forms of it. */
  string(name: string): string | undefined {
    for (const key of this.params.keys()) {
      if (key.startsWith(`${name}[`)) {
        throw badRequest(`Invalid query parameter '${key}': '${name}' is not an array or object.`, name);
      }
    }
    return this.params.get(name) ?? undefined;
  }

  int(name: string, bounds: IntBounds = {}): number | undefined {
    const raw = this.string(name);
    return raw === undefined ? undefined : parseInteger(name, raw, bounds);
  }

  /** `limit` with the endpoint's default and range. */
  limit(defaultValue: number, min: number, max?: number): number {
    return this.int('limit', { min, max }) ?? defaultValue;
  }

  bool(name: string): boolean | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw badRequest(
      `Invalid type for '${name}': expected a boolean ('true' or 'false'), but got '${raw}' instead.`,
      name,
      'invalid_type',
    );
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (!(values as readonly string[]).includes(raw)) throw invalidValue(name, raw, values);
    return raw as T;
  }

  /** An array parameter, as `name=a&name=b` or `name[]=a&name[]=b`. */
  list(name: string): string[] {
    for (const key of this.params.keys()) {
      if (key.startsWith(`${name}[`) && key !== `${name}[]`) {
        throw badRequest(
          `Invalid query parameter '${key}': '${name}' is an array; send it as '${name}=value' or '${name}[]=value'.`,
          name,
          'invalid_value',
        );
      }
    }
    return [...this.params.getAll(name), ...this.params.getAll(`${name}[]`)];
  }

  /** An array parameter whose documented name carries the brackets (`event_types[]`): only that form. */
  bracketList(name: string): string[] {
    for (const key of this.params.keys()) {
      if (key === name || (key.startsWith(`${name}[`) && key !== `${name}[]`)) {
        throw badRequest(
          `Invalid query parameter '${key}': the parameter is named '${name}[]', e.g. '${name}[]=value'.`,
          name,
          'invalid_value',
        );
      }
    }
    return this.params.getAll(`${name}[]`);
  }

  /** A list whose items must come from `values`. */
  listOf<T extends string>(name: string, values: readonly T[]): T[] {
    const items = this.list(name);
    for (const item of items) {
      if (!(values as readonly string[]).includes(item)) {
        throw invalidValue(this.params.has(name) ? name : `${name}[]`, item, values);
      }
    }
    return items as T[];
  }

  /** An object parameter with gt/gte/lt/lte keys, e.g. `effective_at[gte]=1720000000`. */
  range(name: string): Range {
    const range: Range = {};
    for (const [key, raw] of this.params.entries()) {
      if (key === name) {
        throw badRequest(
          `Invalid query parameter '${name}': it is an object; send e.g. '${name}[gte]=1720000000'.`,
          name,
          'invalid_value',
        );
      }
      if (!key.startsWith(`${name}[`)) continue;
      const op = RANGE_OPS.find((candidate) => key === `${name}[${candidate}]`);
      if (!op) throw badRequest(`Unknown query parameter '${key}'. Supported keys: gt, gte, lt, lte.`, key);
      range[op] = parseInteger(key, raw, {});
    }
    return range;
  }
}

function parseInteger(name: string, raw: string, bounds: IntBounds): number {
  if (!INTEGER.test(raw)) {
    throw badRequest(
      `Invalid type for '${name}': expected an integer, but got '${raw}' instead.`,
      name,
      'invalid_type',
    );
  }
  const value = Number(raw);
  if (bounds.min !== undefined && value < bounds.min) {
    throw badRequest(
      `Invalid '${name}': integer below minimum value. Expected a value >= ${bounds.min}, but got ${value} instead.`,
      name,
      'integer_below_min_value',
    );
  }
  if (bounds.max !== undefined && value > bounds.max) {
    throw badRequest(
      `Invalid '${name}': integer above maximum value. Expected a value <= ${bounds.max}, but got ${value} instead.`,
      name,
      'integer_above_max_value',
    );
  }
  return value;
}
