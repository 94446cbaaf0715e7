import { readdirSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The lowest priority: such a thread runs when nothing at a normal priority wants the core. */
const LOWEST = 19;

/**
 * Lowers every thread of this process but the calling one (the front door) to the lowest priority: the bot thread,
 * and the engine's helper threads, which do much of the bot thread's garbage collection. On a busy core the operating
 * system then runs an arriving request at once and gives answers the rest. Linux lists a process's threads under
 * /proc/self/task and lets each have its own priority; elsewhere nothing changes and the threads share the CPU evenly.
 */
export function yieldOtherThreads(): void {
  let threads: string[];
  let calling: string | undefined;
  try {
    threads = readdirSync('/proc/self/task');
    calling = readlinkSync('/proc/thread-self').split('/').pop();
  } catch {
    return;
  }
  for (const thread of threads) {
    if (thread === calling) continue;
    const id = Number(thread);
    try {
      setPriority(id, LOWEST);
    } catch {
      // A thread that ended meanwhile, or a system that refuses: it keeps its priority.
    }
  }
}
