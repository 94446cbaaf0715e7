import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UserActions } from '../interactions/user-actions.js';
import { handleWorkspaceRequest } from '../workspace/http.js';
import type { Workspace } from '../workspace/workspace.js';
import type { ConsoleBundle } from './bundle.js';
import { handleConsoleAction } from './console-routes.js';
import { EventStream } from './event-stream.js';
import { CONSOLE_HEADERS, CONSOLE_PAGE } from './page.js';

export interface PlaygroundServerOptions {
  workspace: Workspace;
  /** The token the Web API accepts until `acceptToken` names the bot's. */
  botToken: string;
  /** Set once the bot runs: clicks and commands before that wait for it. */
  actions: UserActions;
  bundle: Promise<ConsoleBundle>;
  /** What a console receives first: the people, channels and everything the workspace holds. */
  hello: () => unknown;
}

export interface PlaygroundServer {
  readonly url: string;
  readonly port: number;
  /** The bot token the Web API answers to (known once the bot's side is loaded). */
  acceptToken(token: string): void;
  close(): Promise<void>;
}

const text = (res: ServerResponse, status: number, type: string, body: string) => {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, ...CONSOLE_HEADERS });
  res.end(body);
};

/**
 * One HTTP server for the whole playground on 127.0.0.1: the emulated workspace's Web API, response URLs and files,
 * and the console (its page, script, styles, live event stream and actions).
 */
export async function startPlaygroundServer(port: number, options: PlaygroundServerOptions): Promise<PlaygroundServer> {
  const events = new EventStream(options.workspace);
  let token = options.botToken;
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://playground').pathname;
    if (await handleWorkspaceRequest(options.workspace, token, req, res, path)) return;
    if (req.method === 'GET' && path === '/') return text(res, 200, 'text/html', CONSOLE_PAGE);
    if (req.method === 'GET' && path === '/console.js')
      return text(res, 200, 'text/javascript', (await options.bundle).js);
    if (req.method === 'GET' && path === '/console.css') return text(res, 200, 'text/css', (await options.bundle).css);
    if (req.method === 'GET' && path === '/console/events') return events.open(res, options.hello());
    if (req.method === 'POST' && path.startsWith('/console/')) {
      return handleConsoleAction(options.actions, req, res, path.slice('/console/'.length));
    }
    if (req.method === 'GET' && path === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    text(res, 404, 'text/plain', 'Not found');
  };
  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) text(res, 500, 'text/plain', error instanceof Error ? error.message : String(error));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    acceptToken(next) {
      token = next;
    },
    async close() {
      events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
