import { describe, expect, it } from 'vitest';
import { mapWithLimit } from '../../src/domain/digests/limit-concurrency.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapWithLimit', () => {
  it('never runs more than the limit at once, keeps input order and uses the whole limit', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapWithLimit([...Array(40).keys()], 8, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await sleep(n % 3);
      running--;
      return n * 2;
    });
    expect(out).toEqual([...Array(40).keys()].map((n) => n * 2));
    expect(peak).toBe(8);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    const run = mapWithLimit([...Array(20).keys()], 2, async (n) => {
      started.push(n);
      await sleep(1);
      if (n === 3) throw new Error('boom 3');
      return n;
    });
    await expect(run).rejects.toThrow('boom 3');
    expect(Math.max(...started)).toBeLessThan(6);
  });

  it('handles an empty list and refuses a limit below one', async () => {
    expect(await mapWithLimit([], 8, async () => 1)).toEqual([]);
    await expect(mapWithLimit([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});
