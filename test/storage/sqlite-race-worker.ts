import { once } from 'node:events';
import { createStore } from '../../src/storage/create-store.js';

// Opens the store, says READY, waits for a line on stdin, then races through `ids`; prints its wins as JSON.
const [path, name, idsJson] = process.argv.slice(2);
if (path === undefined || name === undefined || idsJson === undefined) {
  throw new Error('usage: sqlite-race-worker <db path> <name> <ids json>');
}
const ids = JSON.parse(idsJson) as string[];
const store = await createStore(`sqlite:${path}`);
process.stdout.write('READY\n');
await once(process.stdin, 'data');
let wins = 0;
for (const id of ids) {
  if (await store.transition(id, 'approved', 'executing', { decided_by: name })) wins += 1;
}
await store.close();
process.stdout.write(`${JSON.stringify({ wins })}\n`);
process.exit(0);
