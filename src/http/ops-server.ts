import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpsRoute } from './ops-routes.js';

export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** A small HTTP server for operator routes, for Socket Mode where Bolt serves no HTTP of its own. */
export async function startOpsServer(routes: readonly OpsRoute[], port: number): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes.find((r) => r.path === path);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    if (!route.method.includes(req.method as 'GET')) {
      res.writeHead(405, { allow: route.method.join(', ') }).end();
      return;
    }
    route.handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
