import { benchAckLatency } from './ack-latency.js';
import { benchApprovals } from './approvals.js';
import { benchDigest } from './digest.js';
import { benchHostileInput } from './hostile-input.js';

/** Runs every benchmark; each compares against a baseline measured in the same run. */
const benches: [string, () => Promise<boolean>][] = [
  ['ack latency', () => benchAckLatency()],
  ['approvals', () => benchApprovals()],
  ['spend digest', () => benchDigest()],
  ['hostile input', () => benchHostileInput()],
];

let allOk = true;
for (const [name, bench] of benches) {
  const ok = await bench();
  if (!ok) console.log(`${name}: target missed`);
  allOk &&= ok;
}
process.exit(allOk ? 0 : 1);
