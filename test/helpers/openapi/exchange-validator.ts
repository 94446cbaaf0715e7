import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { loadSpec, type SpecOperation, type SpecParameter } from './spec-operations.js';

/** One request as sent and the answer it got. */
export interface Exchange {
  method: string;
  /** Path after `/v1`, still percent-encoded. */
  rawPath: string;
  query: URLSearchParams;
  body: unknown;
  response?: { status: number; body: unknown };
}

export interface ExchangeReport {
  /** `undefined` when no operation of the document has this method and path. */
  operationId?: string;
  /** Where the request's method, path, query or body differ from the document. */
  request: string[];
  /** Where the answer differs from what the document lists for its status. */
  response: string[];
}

const SPEC_ID = 'openai-admin';
const ERROR_ENVELOPE = '#/components/schemas/ErrorResponse';

/**
 * Checks requests and answers against the OpenAPI document with ajv (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1). Query parameters follow the document's serialisation: no `style` means `form` with `explode`,
 * so an array is the name repeated (`project_ids=a&project_ids=b`); a parameter whose name carries brackets
 * (`project_ids[]`) is repeated under that name. An object parameter is read as `name[key]=v`: exploded form
 * would spread its keys (`gte=…`) among the other parameters, which no endpoint can mean.
 */
export class ExchangeValidator {
  readonly operations: SpecOperation[];
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor() {
    const { spec, operations } = loadSpec();
    this.operations = operations;
    this.#ajv.addSchema({ ...spec, $id: SPEC_ID });
  }

  check(exchange: Exchange): ExchangeReport {
    const segments = exchange.rawPath.split('/').slice(1);
    const found = this.#match(exchange.method, segments);
    if (!found) {
      return { request: [`${exchange.method} ${exchange.rawPath} is not an operation of the document`], response: [] };
    }
    const { op, params } = found;
    const where = (problem: string) => `${op.method} ${op.template} (${op.id}): ${problem}`;
    const request = [
      ...this.#checkPath(op, params),
      ...this.#checkQuery(op, exchange.query),
      ...this.#checkBody(op, exchange.body),
    ].map(where);
    const response = exchange.response ? this.#checkResponse(op, exchange.response).map(where) : [];
    return { operationId: op.id, request, response };
  }

  #match(method: string, segments: string[]): { op: SpecOperation; params: Map<string, string> } | undefined {
    for (const op of this.operations) {
      if (op.method !== method || op.segments.length !== segments.length) continue;
      const params = new Map<string, string>();
      const fits = op.segments.every((part, i) => {
        const raw = segments[i] ?? '';
        if (!part.startsWith('{')) return part === raw;
        params.set(part.slice(1, -1), safeDecode(raw));
        return raw !== '';
      });
      if (fits) return { op, params };
    }
    return undefined;
  }

  #checkPath(op: SpecOperation, params: Map<string, string>): string[] {
    return op.parameters
      .filter((p) => p.in === 'path')
      .flatMap((p) => this.#checkValue(`path parameter ${p.name}`, p.schema, params.get(p.name)));
  }

  #checkQuery(op: SpecOperation, query: URLSearchParams): string[] {
    const declared = op.parameters.filter((p) => p.in === 'query');
    const problems: string[] = [];
    const claimed = new Set<string>();
    for (const param of declared) {
      const { keys, value } = readParameter(param, query);
      for (const key of keys) claimed.add(key);
      if (value === undefined) {
        if (param.required) problems.push(`query parameter ${param.name} is required`);
        continue;
      }
      problems.push(...this.#checkValue(`query parameter ${param.name}`, param.schema, value));
    }
    for (const key of new Set(query.keys())) {
      if (!claimed.has(key)) problems.push(`query parameter "${key}" is not in the document`);
    }
    return problems;
  }

  #checkBody(op: SpecOperation, body: unknown): string[] {
    if (!op.body) return body === undefined ? [] : ['the operation takes no request body, but one was sent'];
    if (body === undefined) return op.body.required ? ['the request body is required'] : [];
    return this.#validate(op.body.pointer, body).map((e) => `request body ${e}`);
  }

  #checkResponse(op: SpecOperation, response: { status: number; body: unknown }): string[] {
    const status = String(response.status);
    const documented = op.responses.has(status) ? status : op.responses.has('default') ? 'default' : undefined;
    if (documented === undefined) {
      // Errors the document does not list (401, 404 for an unknown id, 5xx) still come in OpenAI's envelope.
      if (response.status >= 400) return this.#validate(ERROR_ENVELOPE, response.body).map((e) => `${status} ${e}`);
      return [`answered ${status}, which the document does not list (${[...op.responses.keys()].join(', ')})`];
    }
    const pointer = op.responses.get(documented);
    return pointer ? this.#validate(pointer, response.body).map((e) => `${status} response ${e}`) : [];
  }

  #checkValue(what: string, schema: Record<string, unknown>, value: unknown): string[] {
    const key = JSON.stringify(schema);
    let validate = this.#compiled.get(key);
    if (!validate) {
      validate = this.#ajv.compile(schema);
      this.#compiled.set(key, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${what}${e.instancePath} ${e.message}`);
  }

  #validate(pointer: string, value: unknown): string[] {
    let validate = this.#compiled.get(pointer);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
      this.#compiled.set(pointer, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(root)'} ${e.message}`);
  }
}

/** The keys a parameter takes in the query and its value, coerced to the types its schema names. */
function readParameter(param: SpecParameter, query: URLSearchParams): { keys: string[]; value: unknown } {
  const type = param.schema.type;
  if (type === 'object') {
    const keys = [...new Set(query.keys())].filter((key) => key.startsWith(`${param.name}[`) && key.endsWith(']'));
    if (keys.length === 0) return { keys, value: undefined };
    const props = (param.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    const value = Object.fromEntries(
      keys.map((key) => {
        const inner = key.slice(param.name.length + 1, -1);
        return [inner, coerce(query.get(key) ?? '', props[inner]?.type)];
      }),
    );
    return { keys, value };
  }
  const raw = query.getAll(param.name);
  if (raw.length === 0) return { keys: [], value: undefined };
  if (type === 'array') {
    const itemType = (param.schema.items as Record<string, unknown> | undefined)?.type;
    return { keys: [param.name], value: raw.map((item) => coerce(item, itemType)) };
  }
  return { keys: [param.name], value: raw.length === 1 ? coerce(raw[0] ?? '', type) : raw };
}

function coerce(raw: string, type: unknown): unknown {
  if (type === 'integer' || type === 'number')
    return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  if (type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
