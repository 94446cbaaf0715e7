import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/in-flight.js';

describe('InFlight', () => {
  it('starts deferred work in the order it was acknowledged and returns its result', async () => {
    const inFlight = new InFlight();
    const order: number[] = [];
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        inFlight.afterAck(async () => {
          order.push(n);
          return n * 10;
        }),
      ),
    );
    expect(order).toEqual([1, 2, 3]);
    expect(results).toEqual([10, 20, 30]);
  });

  it('passes a failure of deferred work to the caller', async () => {
    const inFlight = new InFlight();
    await expect(inFlight.afterAck(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });

  it('does not start deferred work in the same turn as the acknowledgement', async () => {
    const inFlight = new InFlight();
    let started = false;
    const done = inFlight.afterAck(async () => {
      started = true;
    });
    await Promise.resolve();
    expect(started).toBe(false);
    await done;
    expect(started).toBe(true);
  });

  it('lets drain wait for everything in flight', async () => {
    const inFlight = new InFlight();
    let finished = false;
    void inFlight.afterAck(async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      finished = true;
    });
    expect(inFlight.size).toBe(1);
    await inFlight.drain(1_000);
    expect(finished).toBe(true);
    expect(inFlight.size).toBe(0);
  });
});
