import { readFileSync } from 'node:fs';

/** The Admin API's published OpenAPI document, vendored as a fixture. */
export const SPEC_FILE = new URL('../../fixtures/openai-admin-openapi.json', import.meta.url);

type Json = Record<string, unknown>;

export interface SpecParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required: boolean;
  schema: Json;
}

/** One operation of the document, with JSON pointers to the schemas that check it. */
export interface SpecOperation {
  id: string;
  method: string;
  template: string;
  segments: string[];
  parameters: SpecParameter[];
  body?: { required: boolean; pointer: string };
  /** Status (or `default`) → pointer to the JSON schema of that answer, `null` when it has no JSON body. */
  responses: Map<string, string | null>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const pointer = (...parts: string[]) => `#/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

function deref(spec: Json, node: Json): { node: Json; at?: string } {
  const ref = node.$ref;
  if (typeof ref !== 'string') return { node };
  const parts = ref.slice(2).split('/');
  let target: unknown = spec;
  for (const part of parts) target = (target as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return { node: target as Json, at: ref };
}

/** Every operation of the document, most literal path segments first so `…/activate` beats `…/{id}`. */
export function loadSpec(): { spec: Json; operations: SpecOperation[] } {
  const spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Json;
  const operations: SpecOperation[] = [];
  for (const [template, item] of Object.entries(spec.paths as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const parameters = [...((item.parameters as Json[]) ?? []), ...((op.parameters as Json[]) ?? [])].map((raw) => {
        const { node } = deref(spec, raw);
        return {
          name: String(node.name),
          in: node.in as SpecParameter['in'],
          required: node.required === true,
          schema: (node.schema as Json) ?? {},
        };
      });
      const responses = new Map<string, string | null>();
      for (const [status, raw] of Object.entries((op.responses as Record<string, Json>) ?? {})) {
        const { node, at } = deref(spec, raw);
        const base = at ? at.slice(2).split('/') : ['paths', template, method, 'responses', status];
        const json = (node.content as Json | undefined)?.['application/json'] as Json | undefined;
        responses.set(status, json?.schema ? pointer(...base, 'content', 'application/json', 'schema') : null);
      }
      const requestBody = op.requestBody as Json | undefined;
      const bodyJson = (requestBody?.content as Json | undefined)?.['application/json'] as Json | undefined;
      operations.push({
        id: String(op.operationId),
        method: method.toUpperCase(),
        template,
        segments: template.split('/').slice(1),
        parameters,
        ...(bodyJson?.schema
          ? {
              body: {
                required: requestBody?.required === true,
                pointer: pointer('paths', template, method, 'requestBody', 'content', 'application/json', 'schema'),
              },
            }
          : {}),
        responses,
      });
    }
  }
  const literals = (op: SpecOperation) => op.segments.filter((s) => !s.startsWith('{')).length;
  operations.sort((a, b) => literals(b) - literals(a));
  return { spec, operations };
}
