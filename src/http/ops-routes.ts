import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

/** A GET route for operators: health and metrics, served beside Slack's endpoint or on its own. */
export interface OpsRoute {
  path: string;
  method: ['GET'];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

const send = (res: ServerResponse, status: number, type: string, body: string) => {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
};

/** `GET /healthz`: 200 `{ok:true}` while `health` says the bot can serve, 503 otherwise. */
export const healthRoute = (health: () => Promise<boolean>): OpsRoute => ({
  path: '/healthz',
  method: ['GET'],
  handler: (_req, res) => {
    health().then(
      (ok) => send(res, ok ? 200 : 503, 'application/json', JSON.stringify({ ok })),
      () => send(res, 503, 'application/json', JSON.stringify({ ok: false })),
    );
  },
});

/** `GET /metrics`: the registry in Prometheus' text format. */
export const metricsRoute = (registry: Registry): OpsRoute => ({
  path: '/metrics',
  method: ['GET'],
  handler: (_req, res) => {
    registry.metrics().then(
      (text) => send(res, 200, registry.contentType, text),
      (error: unknown) => send(res, 500, 'text/plain', `metrics failed: ${(error as Error).message}\n`),
    );
  },
});
