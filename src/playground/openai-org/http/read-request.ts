import type { IncomingMessage } from 'node:http';
import type { RecordedRequest } from '../types.js';

/** A received request: what gets recorded plus what routing needs. */
export interface ParsedRequest {
  recorded: RecordedRequest;
  /** Raw path segments after `/v1`, or `null` when the path is not under `/v1`. */
  segments: string[] | null;
  hasBody: boolean;
  bodyIsJson: boolean;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function flattenHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads the whole request and splits its URL into raw and decoded parts. */
export async function readRequest(req: IncomingMessage): Promise<ParsedRequest> {
  const url = req.url ?? '/';
  const queryStart = url.indexOf('?');
  const rawPath = queryStart === -1 ? url : url.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : url.slice(queryStart + 1);
  const versioned = rawPath === '/v1' || rawPath.startsWith('/v1/');
  const rest = versioned ? rawPath.slice(3) : rawPath;
  const text = await readText(req);
  let body: unknown;
  let bodyIsJson = true;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
      bodyIsJson = false;
    }
  }
  return {
    recorded: {
      method: req.method ?? 'GET',
      path: rest.split('/').map(decodeSegment).join('/'),
      rawPath,
      query: new URLSearchParams(rawQuery),
      rawQuery,
      headers: flattenHeaders(req),
      body,
    },
    segments: versioned ? rest.split('/').slice(1) : null,
    hasBody: text.length > 0,
    bodyIsJson,
  };
}
