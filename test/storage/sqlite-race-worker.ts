import { createStore } from '../../src/storage/create-store.js';

const [path, name, idsJson, startAtText] = process.argv.slice(2);
if (path === undefined || name === undefined || idsJson === undefined || startAtText === undefined) {
  throw new Error('usage: sqlite-race-worker <db path> <name> <ids json> <start at ms>');
}
const ids = JSON.parse(idsJson) as string[];
const store = await createStore(`sqlite:${path}`);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAtText) - Date.now())));
let wins = 0;
for (const id of ids) {
  if (await store.transition(id, 'approved', 'executing', { decided_by: name })) wins += 1;
}
await store.close();
process.stdout.write(JSON.stringify({ wins }));
