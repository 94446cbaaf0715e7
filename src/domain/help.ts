import { type AnyOperation, usageOf } from './operations/operation.js';

export interface HelpEntry {
  usage: string;
  summary: string;
  risk: AnyOperation['risk'];
}

/** Help generated from the registry, optionally only for commands starting with `topic`. */
export function helpEntries(operations: readonly AnyOperation[], topic?: string): HelpEntry[] {
  const wanted = topic?.toLowerCase();
  return operations
    .filter((op) => !wanted || op.words[0] === wanted || op.name.startsWith(`${wanted}.`))
    .map((op) => ({ usage: usageOf(op), summary: op.summary, risk: op.risk }));
}
