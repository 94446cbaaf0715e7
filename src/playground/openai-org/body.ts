import type { z } from 'zod';
import { type ApiError, badRequest, quoteList } from './api-error.js';

type Issue = z.core.$ZodIssue;

const EXPECTED: Record<string, string> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
};

/** Validates a JSON body with zod; the first problem becomes a 400 naming the offending `param`. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body === undefined ? {} : body, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw issue ? issueToError(issue) : badRequest('Invalid request body.');
}

function issueToError(issue: Issue): ApiError {
  const param = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const full = formatPath([...issue.path, key]);
    return badRequest(`Unknown parameter: '${full}'.`, full, 'unknown_parameter');
  }
  if (param === null) {
    return badRequest(
      `Invalid body: expected a JSON object, but got ${describe(issue.input)} instead.`,
      null,
      'invalid_type',
    );
  }
  if (!('input' in issue) || issue.input === undefined) {
    return badRequest(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
  }
  switch (issue.code) {
    case 'invalid_type':
      return badRequest(
        `Invalid type for '${param}': expected ${EXPECTED[issue.expected] ?? issue.expected}, but got ${describe(issue.input)} instead.`,
        param,
        'invalid_type',
      );
    case 'invalid_value':
      return badRequest(
        `Invalid value: '${String(issue.input)}'. Supported values are: ${quoteList(issue.values)}.`,
        param,
        'invalid_value',
      );
    case 'too_small':
      return issue.origin === 'number' || issue.origin === 'int'
        ? badRequest(
            `Invalid '${param}': integer below minimum value. Expected a value >= ${issue.minimum}, but got ${String(issue.input)} instead.`,
            param,
            'integer_below_min_value',
          )
        : badRequest(
            `Invalid '${param}': expected at least ${issue.minimum} item(s) or character(s).`,
            param,
            'invalid_value',
          );
    case 'too_big':
      return issue.origin === 'number' || issue.origin === 'int'
        ? badRequest(
            `Invalid '${param}': integer above maximum value. Expected a value <= ${issue.maximum}, but got ${String(issue.input)} instead.`,
            param,
            'integer_above_max_value',
          )
        : badRequest(
            `Invalid '${param}': expected at most ${issue.maximum} item(s) or character(s).`,
            param,
            'invalid_value',
          );
    case 'invalid_format':
      return badRequest(
        `Invalid '${param}': expected a valid ${issue.format}, but got '${String(issue.input)}'.`,
        param,
        'invalid_value',
      );
    default:
      return badRequest(`Invalid '${param}': ${issue.message}.`, param, 'invalid_value');
  }
}

function formatPath(path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return null;
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal number';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value === 'object' ? 'an object' : typeof value;
}
