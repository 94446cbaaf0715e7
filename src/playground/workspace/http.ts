import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerResponseUrl } from './response-url.js';
import { WEB_API_METHODS } from './web-api/index.js';
import type { Workspace } from './workspace.js';

/** A request body at most this large is read (Slack's own limits are smaller). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Web API arguments: form fields or a JSON object. */
function argsOf(req: IncomingMessage, raw: Buffer): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    const parsed: unknown = raw.length ? JSON.parse(raw.toString('utf8')) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  }
  return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
}

/** The bytes of an upload: sent raw, or as the one file part of a multipart form (as Slack's SDK sends them). */
async function uploadedBytes(req: IncomingMessage, raw: Buffer): Promise<Buffer> {
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('multipart/form-data')) return raw;
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
  const part = [...form.values()].find((value) => typeof value !== 'string');
  return part ? Buffer.from(await part.arrayBuffer()) : raw;
}

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
};

/**
 * The workspace's HTTP surface: the Web API under `/api/`, response URLs under `/response/`, file uploads under
 * `/upload/` and shared files under `/files/`. Returns false for any other path.
 */
export async function handleWorkspaceRequest(
  workspace: Workspace,
  botToken: string,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<boolean> {
  if (path.startsWith('/api/') && req.method === 'POST') {
    const raw = await readBody(req);
    const args = argsOf(req, raw);
    const method = WEB_API_METHODS[path.slice(5)];
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
    if (!token) sendJson(res, 200, { ok: false, error: 'not_authed' });
    else if (token !== botToken) sendJson(res, 200, { ok: false, error: 'invalid_auth' });
    else if (!method) sendJson(res, 200, { ok: false, error: 'unknown_method' });
    else sendJson(res, 200, method(workspace, args));
    return true;
  }
  if (path.startsWith('/response/') && req.method === 'POST') {
    const raw = await readBody(req);
    const target = workspace.takeResponse(path.slice(10));
    if (target === undefined) sendJson(res, 404, { ok: false, error: 'no_such_response_url' });
    else if (target === 'expired') sendJson(res, 404, { ok: false, error: 'expired_url' });
    else {
      const answer = answerResponseUrl(workspace, target, argsOf(req, raw));
      sendJson(res, answer.ok ? 200 : 400, answer);
    }
    return true;
  }
  if (path.startsWith('/upload/') && req.method === 'POST') {
    const raw = await readBody(req);
    const received = workspace.files.receive(path.slice(8), await uploadedBytes(req, raw));
    res.writeHead(received ? 200 : 404, { 'content-type': 'text/plain' });
    res.end(received ? `OK - ${raw.length}` : 'no such upload');
    return true;
  }
  if (path.startsWith('/files/') && (req.method === 'GET' || req.method === 'HEAD')) {
    const found = workspace.files.get(path.split('/')[2] ?? '');
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no such file');
      return true;
    }
    res.writeHead(200, {
      'content-type': found.file.mimetype,
      'content-length': found.bytes.length,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
      ...(found.file.mimetype.startsWith('image/') && found.file.mimetype !== 'image/svg+xml'
        ? {}
        : { 'content-disposition': `attachment; filename="${found.file.name.replace(/["\\]/g, '_')}"` }),
    });
    res.end(req.method === 'HEAD' ? undefined : found.bytes);
    return true;
  }
  return false;
}
