import type { FaultSpec } from '../types.js';

interface PendingFault {
  spec: FaultSpec;
  remaining: number;
}

/** Injected faults, consumed in the order they were added by the requests they match. */
export class FaultQueue {
  private faults: PendingFault[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ spec, remaining: spec.times ?? 1 });
  }

  /** The first fault matching this request, counting one use of it; `undefined` when none matches. */
  take(method: string, path: string): FaultSpec | undefined {
    const match = this.faults.find(({ spec }) => matches(spec, method, path));
    if (!match) return undefined;
    match.remaining -= 1;
    if (match.remaining <= 0) this.faults = this.faults.filter((fault) => fault !== match);
    return match.spec;
  }

  clear(): void {
    this.faults = [];
  }
}

function matches(spec: FaultSpec, method: string, path: string): boolean {
  if (spec.method !== undefined && spec.method.toUpperCase() !== method.toUpperCase()) return false;
  if (typeof spec.path === 'string') return spec.path === path;
  spec.path.lastIndex = 0;
  return spec.path.test(path);
}
