import type { Writable } from 'node:stream';
import type { Store } from '../storage/store.js';

/** Writes the whole audit trail as JSON lines, oldest first; optionally only entries at or after `sinceMs`. */
export async function exportAudit(store: Store, out: Writable, sinceMs?: number): Promise<number> {
  let count = 0;
  for await (const event of store.iterateAudit()) {
    if (sinceMs !== undefined && event.at < sinceMs) continue;
    const line = `${JSON.stringify({ ...event, at: new Date(event.at).toISOString() })}\n`;
    if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
    count += 1;
  }
  return count;
}
