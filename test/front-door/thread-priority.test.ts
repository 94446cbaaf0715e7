import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { yieldOtherThreads } from '../../src/front-door/thread-priority.js';

/** A thread's nice value, field 19 of /proc/self/task/<id>/stat (after the command name in parentheses). */
const niceOf = (thread: string) =>
  Number(readFileSync(`/proc/self/task/${thread}/stat`, 'utf8').split(') ')[1]?.split(' ')[16]);

describe.runIf(existsSync('/proc/thread-self'))('yieldOtherThreads', () => {
  it('lowers every other thread of the process to the lowest priority and keeps the calling one', async () => {
    const worker = new Worker('setInterval(() => {}, 1000)', { eval: true });
    await new Promise((resolve) => worker.once('online', resolve));
    try {
      const calling = readlinkSync('/proc/thread-self').split('/').pop() as string;
      const before = niceOf(calling);
      yieldOtherThreads();
      const others = readdirSync('/proc/self/task').filter((thread) => thread !== calling);
      expect(others.length).toBeGreaterThan(0);
      for (const thread of others) expect(niceOf(thread)).toBe(19);
      expect(niceOf(calling)).toBe(before);
    } finally {
      await worker.terminate();
    }
  });
});
