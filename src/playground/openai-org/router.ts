import type { QueryReader } from './query.js';
import type { FakeState } from './state/fake-state.js';

/** Everything a route handler gets for one request. */
export interface RouteContext {
  state: FakeState;
  /** A path parameter of the route template, percent-decoded. */
  param(name: string): string;
  query: QueryReader;
  body: unknown;
  /** Appends an audit event attributed to the admin key that made this call (default project unless given). */
  audit(type: string, payload: Record<string, unknown>, projectId?: string | null): void;
}

/** Returns the JSON body of a 200 response or throws an `ApiError`. */
export type RouteHandler = (ctx: RouteContext) => unknown;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

/** Matches `METHOD /path/:param` templates against raw (still percent-encoded) path segments. */
export class Router {
  private readonly routes: Route[] = [];

  get(template: string, handler: RouteHandler): void {
    this.add('GET', template, handler);
  }

  post(template: string, handler: RouteHandler): void {
    this.add('POST', template, handler);
  }

  delete(template: string, handler: RouteHandler): void {
    this.add('DELETE', template, handler);
  }

  private add(method: string, template: string, handler: RouteHandler): void {
    this.routes.push({ method, segments: template.split('/').slice(1), handler });
  }

  match(
    method: string,
    rawSegments: readonly string[],
  ): { handler: RouteHandler; params: Record<string, string> } | null {
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== rawSegments.length) continue;
      const params = matchSegments(route.segments, rawSegments);
      if (params) return { handler: route.handler, params };
    }
    return null;
  }
}

function matchSegments(template: readonly string[], raw: readonly string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (const [index, part] of template.entries()) {
    const value = raw[index] ?? '';
    if (part.startsWith(':')) {
      const decoded = safeDecode(value);
      if (!decoded) return null;
      params[part.slice(1)] = decoded;
    } else if (part !== value) {
      return null;
    }
  }
  return params;
}

/** Decodes one path segment; `null` for malformed escapes or an empty segment. */
export function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment) || null;
  } catch {
    return null;
  }
}
