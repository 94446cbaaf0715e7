import type { ServerResponse } from 'node:http';
import type { WorkspaceEvent } from '../workspace/model.js';
import type { Workspace } from '../workspace/workspace.js';

/** Server-sent events: every workspace change goes to every open console as one `data:` line of JSON. */
export class EventStream {
  readonly #clients = new Set<ServerResponse>();
  readonly #heartbeat: NodeJS.Timeout;

  constructor(workspace: Workspace) {
    workspace.subscribe((event) => this.#send(event));
    this.#heartbeat = setInterval(() => {
      for (const client of this.#clients) client.write(': keep-alive\n\n');
    }, 15_000);
    this.#heartbeat.unref();
  }

  open(res: ServerResponse, hello: unknown): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(`event: hello\ndata: ${JSON.stringify(hello)}\n\n`);
    this.#clients.add(res);
    res.on('close', () => this.#clients.delete(res));
  }

  #send(event: WorkspaceEvent): void {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of this.#clients) client.write(line);
  }

  close(): void {
    clearInterval(this.#heartbeat);
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }
}
