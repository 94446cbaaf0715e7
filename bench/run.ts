import { benchAckLatency } from './ack-latency.js';
import { benchAdminCalls } from './admin-calls.js';
import { benchApprovals } from './approvals.js';
import { benchDigest } from './digest.js';
import { benchGrantExpiry } from './grants.js';
import { benchHostileInput } from './hostile-input.js';
import { benchOverload } from './overload.js';
import { benchStartup } from './startup.js';
import { benchWatch } from './watch.js';

/** Runs every benchmark, or those named on the command line; each compares against a baseline from the same run. */
const benches: [string, () => Promise<boolean>][] = [
  ['ack latency', () => benchAckLatency()],
  ['approvals', () => benchApprovals()],
  ['spend digest', () => benchDigest()],
  ['admin calls', () => benchAdminCalls()],
  ['overload', () => benchOverload()],
  ['startup and idle memory', () => benchStartup()],
  ['grant expiry', () => benchGrantExpiry()],
  ['audit watch', () => benchWatch()],
  ['hostile input', () => benchHostileInput()],
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !benches.some(([known]) => known === name));
if (unknown.length > 0) {
  console.log(`unknown benchmark ${unknown.join(', ')}; choose from: ${benches.map(([name]) => name).join(', ')}`);
  process.exit(2);
}

let allOk = true;
for (const [name, bench] of benches) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const ok = await bench();
  if (!ok) console.log(`${name}: target missed`);
  allOk &&= ok;
}
process.exit(allOk ? 0 : 1);
