// The answer sink's thread (answer-sink.ts): an HTTP server noting when each command's first answer arrived.
import { readlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { SessionMessage } from './answer-sink.js';

const AUTH_TEST = JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'bot' });
const port = parentPort;
if (!port) throw new Error('answer-sink-thread.ts runs only as a worker thread');
/** Times are written on the starting thread's clock, so they compare with its performance.now(). */
const offset = performance.timeOrigin - (workerData as { timeOrigin: number }).timeOrigin;
const sessions = new Map<string, Float64Array>();

try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // No per-thread priorities here: the sink shares the CPU evenly.
}

const server = createServer((req, res) => {
  const match = /^\/s\/(\w+)\/response\/f(\d+)$/.exec(req.url ?? '');
  req.resume();
  req.on('end', () => {
    const answered = match ? sessions.get(match[1] ?? '') : undefined;
    const index = match ? Number(match[2]) : -1;
    if (answered && index >= 0 && index < answered.length && answered[index] === 0)
      answered[index] = performance.now() + offset;
    res.writeHead(200, { 'content-type': 'application/json' });
    // It stands in for the Web API too: the bot and the bare app only call auth.test while serving commands.
    res.end(req.url === '/api/auth.test' ? AUTH_TEST : '{"ok":true}');
  });
});
server.listen(0, '127.0.0.1', () => port.postMessage(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
port.on('message', (message: SessionMessage) => {
  sessions.set(message.name, new Float64Array(message.answeredAt));
  port.postMessage('registered');
});
