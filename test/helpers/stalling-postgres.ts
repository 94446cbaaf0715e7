import { createServer, type Socket, connect as tcpConnect } from 'node:net';

/**
 * A TCP endpoint on loopback that stands in for PostgreSQL. While flowing it relays every connection to the
 * real server at `target`; while stalled it accepts connections and reads nothing, and connections already
 * open stop moving bytes in either direction (they are held, not dropped, and flow again on `resume`).
 * Started without a target it is a server that accepts connections and never answers.
 */
export interface StallingPostgres {
  /** `target`'s URL with host and port replaced by this endpoint. */
  readonly url: string;
  stall(): void;
  resume(): void;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket | undefined;
  toUpstream: Buffer[];
  toClient: Buffer[];
}

export async function startStallingPostgres(target?: string): Promise<StallingPostgres> {
  const targetUrl = new URL(target ?? 'postgres://postgres@127.0.0.1:1/test');
  let stalled = target === undefined;
  const pairs = new Set<Pair>();

  const flush = (pair: Pair) => {
    if (!pair.upstream) pair.upstream = openUpstream(pair);
    for (const chunk of pair.toUpstream.splice(0)) pair.upstream.write(chunk);
    for (const chunk of pair.toClient.splice(0)) pair.client.write(chunk);
    pair.client.resume();
    pair.upstream.resume();
  };

  const openUpstream = (pair: Pair): Socket => {
    const upstream = tcpConnect(Number(targetUrl.port || 5432), targetUrl.hostname);
    upstream.on('data', (chunk) => {
      if (stalled) pair.toClient.push(chunk);
      else pair.client.write(chunk);
    });
    upstream.on('error', () => pair.client.destroy());
    upstream.on('close', () => pair.client.destroy());
    return upstream;
  };

  const server = createServer((client) => {
    const pair: Pair = { client, upstream: undefined, toUpstream: [], toClient: [] };
    pairs.add(pair);
    client.on('data', (chunk) => {
      if (stalled || !pair.upstream) pair.toUpstream.push(chunk);
      else pair.upstream.write(chunk);
    });
    client.on('error', () => pair.upstream?.destroy());
    client.on('close', () => {
      pair.upstream?.destroy();
      pairs.delete(pair);
    });
    if (stalled) client.pause();
    else flush(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);

  return {
    url: url.toString(),
    stall() {
      stalled = true;
      for (const pair of pairs) {
        pair.client.pause();
        pair.upstream?.pause();
      }
    },
    resume() {
      if (target === undefined) return;
      stalled = false;
      for (const pair of pairs) flush(pair);
    },
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream?.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
