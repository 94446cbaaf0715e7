import { afterEach, describe, expect, it, vi } from 'vitest';
import { BusyError, InFlight } from '../../src/in-flight.js';
import { HIGH, LOW, nextAllowed } from '../../src/in-flight-governor.js';

/** A clock the test moves, and an event loop as busy as the test says. */
const testClock = () => {
  const clock = { ms: 0, busy: 0, now: () => clock.ms, utilisation: () => clock.busy };
  return clock;
};
const turn = () => new Promise((resolve) => setImmediate(resolve));

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

describe('InFlight.tryQueue', () => {
  it('runs queued work in order, and goes on past work that throws, counting it settled', async () => {
    const inFlight = new InFlight({ concurrency: 1 });
    const ran: string[] = [];
    expect(inFlight.tryQueue(async () => void ran.push('first'))).toBe(true);
    expect(
      inFlight.tryQueue(async () => {
        ran.push('second');
        throw new Error('not handled by the work');
      }),
    ).toBe(true);
    expect(inFlight.tryQueue(async () => void ran.push('third'))).toBe(true);
    expect(inFlight.size).toBe(3);
    await inFlight.drain(1_000);
    expect(ran).toEqual(['first', 'second', 'third']);
    expect(inFlight.size).toBe(0);
  });

  it('queues nothing and says so once the queue is full', () => {
    const inFlight = new InFlight({ concurrency: 1, queue: 1 });
    expect(inFlight.tryQueue(() => new Promise<void>(() => undefined))).toBe(true);
    expect(inFlight.tryQueue(async () => undefined)).toBe(false);
    expect(inFlight.size).toBe(1);
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

describe('InFlight, refusing what would wait too long', () => {
  const never = () => new Promise<void>(() => undefined);

  it('refuses new work once the oldest waiting work has waited longer than maxWaitMs, and takes it again after', async () => {
    const clock = testClock();
    const inFlight = new InFlight({ concurrency: 1, queue: 100, maxWaitMs: 2_000 }, clock);
    let release: () => void = () => undefined;
    const running = inFlight.afterAck(() => new Promise<void>((resolve) => (release = resolve)));
    await turn();
    const waiting = inFlight.afterAck(async () => 'late but answered');
    clock.ms = 2_000;
    expect(inFlight.tryAfterAck(async () => 'at the limit')).toBeDefined();
    clock.ms = 2_001;
    expect(inFlight.tryAfterAck(never)).toBeUndefined();
    expect(() => inFlight.afterAck(never)).toThrow(BusyError);
    release();
    await running;
    expect(await waiting).toBe('late but answered');
    await inFlight.drain(1_000);
    expect(inFlight.tryAfterAck(async () => 'room again')).toBeDefined();
  });
});

describe('InFlight under a busy event loop', () => {
  afterEach(() => vi.useRealTimers());

  it('runs fewer pieces at once while the loop is saturated, and more again once it has time to spare', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const clock = testClock();
    const inFlight = new InFlight({ concurrency: 16, queue: 100 }, clock);
    const releases: (() => void)[] = [];
    let started = 0;
    const blocking = () =>
      inFlight.afterAck(() => {
        started += 1;
        return new Promise<void>((resolve) => releases.push(resolve));
      });
    const all = Array.from({ length: 60 }, blocking);
    await turn();
    expect(started).toBe(16);

    clock.busy = 1;
    vi.advanceTimersByTime(1_000);
    expect(inFlight.allowed).toBe(1);
    for (const release of releases.splice(0)) release();
    await turn();
    await turn();
    expect(started).toBe(17);

    clock.busy = 0.2;
    vi.advanceTimersByTime(1_000);
    expect(inFlight.allowed).toBeGreaterThan(1);
    await turn();
    expect(started).toBe(16 + inFlight.allowed);

    clock.busy = 0;
    for (;;) {
      for (const release of releases.splice(0)) release();
      await turn();
      await turn();
      if (started === 60) break;
      vi.advanceTimersByTime(100);
    }
    for (const release of releases.splice(0)) release();
    await Promise.all(all);
  });
});

describe('how many pieces may run, after each measure of the event loop', () => {
  const bounds = { floor: 4, ceiling: 128 };

  it('falls quickly while the loop was busier than the high mark, never below the floor', () => {
    expect(nextAllowed(128, HIGH + 0.01, bounds)).toBe(89);
    let allowed = 128;
    for (let i = 0; i < 20; i++) allowed = nextAllowed(allowed, 1, bounds);
    expect(allowed).toBe(4);
  });

  it('rises gradually while the loop had time to spare, never above the ceiling', () => {
    expect(nextAllowed(4, LOW - 0.01, bounds)).toBe(5);
    expect(nextAllowed(64, 0, bounds)).toBe(72);
    let allowed = 4;
    for (let i = 0; i < 100; i++) allowed = nextAllowed(allowed, 0, bounds);
    expect(allowed).toBe(128);
  });

  it('holds between the two marks, so it does not swing with every measurement', () => {
    expect(nextAllowed(40, (HIGH + LOW) / 2, bounds)).toBe(40);
    expect(nextAllowed(40, HIGH, bounds)).toBe(40);
    expect(nextAllowed(40, LOW, bounds)).toBe(40);
  });
});
