import { describe, expect, it } from 'vitest';
import { BusyError, InFlight } from '../../src/in-flight.js';

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

describe('InFlight under load', () => {
  const never = () => new Promise<void>(() => undefined);

  it('refuses work once the queue is full, starting none of the refused work', async () => {
    const inFlight = new InFlight({ concurrency: 1, queue: 3 });
    const started: number[] = [];
    const accepted = [0, 1, 2, 3, 4, 5].map((n) =>
      inFlight.tryAfterAck(async () => {
        started.push(n);
        await never();
      }),
    );
    expect(accepted.map((p) => p !== undefined)).toEqual([true, true, true, false, false, false]);
    expect(() => inFlight.afterAck(async () => started.push(9))).toThrow(BusyError);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toEqual([0]);
    expect(inFlight.size).toBe(3);
  });

  it('runs no more than its concurrency at once, and takes new work as places free up', async () => {
    const inFlight = new InFlight({ concurrency: 2, queue: 100 });
    let running = 0;
    let most = 0;
    const all = Array.from({ length: 10 }, () =>
      inFlight.afterAck(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
      }),
    );
    await Promise.all(all);
    expect(most).toBe(2);
    expect(inFlight.tryAfterAck(async () => 'room again')).toBeDefined();
  });

  it('starts work while acknowledgements keep arriving, not only once they stop', async () => {
    const inFlight = new InFlight();
    const events: string[] = [];
    void inFlight.afterAck(async () => {
      events.push('first work started');
    });
    await new Promise<void>((resolve) => {
      let acks = 0;
      const stream = setInterval(() => {
        void inFlight.afterAck(async () => undefined);
        if (++acks === 100) {
          clearInterval(stream);
          events.push('acks stopped');
          resolve();
        }
      }, 1);
    });
    expect(events[0]).toBe('first work started');
    await inFlight.drain(1_000);
  });
});

describe('InFlight.aside', () => {
  it('frees its place while work waits aside, so queued work starts, and shutdown still waits for it', async () => {
    const inFlight = new InFlight({ concurrency: 1 });
    let releaseSlow: () => void = () => undefined;
    const slowCall = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    let slowDone = false;
    const first = inFlight.afterAck(async () => {
      await inFlight.aside(() => slowCall);
      slowDone = true;
    });
    let secondRan = false;
    const second = inFlight.afterAck(async () => {
      secondRan = true;
    });
    await second;
    expect(secondRan).toBe(true);
    expect(slowDone).toBe(false);
    expect(inFlight.size).toBe(1);
    releaseSlow();
    await first;
    expect(slowDone).toBe(true);
    expect(inFlight.size).toBe(0);
  });

  it('runs work called outside any place as it is', async () => {
    const inFlight = new InFlight({ concurrency: 1 });
    expect(await inFlight.aside(async () => 7)).toBe(7);
  });
});
