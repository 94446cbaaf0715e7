import { afterEach, describe, expect, it, vi } from 'vitest';
import { InFlight } from '../../src/in-flight.js';
import { HIGH, LOW, nextRate, Pacer } from '../../src/in-flight-governor.js';

/** A clock the test moves, and an event loop as busy as the test says. */
const testClock = () => {
  const clock = { ms: 0, busy: 0, now: () => clock.ms, utilisation: () => clock.busy };
  return clock;
};
const turn = () => new Promise((resolve) => setImmediate(resolve));
const never = () => new Promise<void>(() => undefined);

describe('InFlight', () => {
  it('starts queued work in the order it was queued', async () => {
    const inFlight = new InFlight();
    const order: number[] = [];
    for (const n of [1, 2, 3]) inFlight.tryQueue(async () => void order.push(n));
    await inFlight.drain(1_000);
    expect(order).toEqual([1, 2, 3]);
  });

  it('does not start queued work in the same turn as the acknowledgement', async () => {
    const inFlight = new InFlight();
    let started = false;
    inFlight.tryQueue(async () => {
      started = true;
    });
    await Promise.resolve();
    expect(started).toBe(false);
    await inFlight.drain(1_000);
    expect(started).toBe(true);
  });

  it('goes on past work that throws, counting it settled', async () => {
    const inFlight = new InFlight({ concurrency: 1 });
    const ran: string[] = [];
    inFlight.tryQueue(async () => {
      ran.push('first');
      throw new Error('not handled by the work');
    });
    inFlight.tryQueue(async () => void ran.push('second'));
    expect(inFlight.size).toBe(2);
    await inFlight.drain(1_000);
    expect(ran).toEqual(['first', 'second']);
    expect(inFlight.size).toBe(0);
  });

  it('lets drain wait for everything in flight', async () => {
    const inFlight = new InFlight();
    let finished = false;
    inFlight.tryQueue(async () => {
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
  afterEach(() => vi.useRealTimers());

  it('refuses work once the queue is full, starting none of the refused work', async () => {
    const inFlight = new InFlight({ concurrency: 1, queue: 3 });
    const started: number[] = [];
    const accepted = [0, 1, 2, 3, 4, 5].map((n) =>
      inFlight.tryQueue(async () => {
        started.push(n);
        await never();
      }),
    );
    expect(accepted).toEqual([true, true, true, false, false, false]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toEqual([0]);
    expect(inFlight.size).toBe(3);
  });

  it('runs no more than its concurrency at once, and takes new work as places free up', async () => {
    const inFlight = new InFlight({ concurrency: 2, queue: 100 });
    let running = 0;
    let most = 0;
    let done = 0;
    for (let i = 0; i < 10; i++) {
      inFlight.tryQueue(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        done += 1;
      });
    }
    await inFlight.drain(5_000);
    expect(done).toBe(10);
    expect(most).toBe(2);
    expect(inFlight.tryQueue(async () => undefined)).toBe(true);
  });

  it('starts work while acknowledgements keep arriving, not only once they stop', async () => {
    const inFlight = new InFlight();
    const events: string[] = [];
    inFlight.tryQueue(async () => {
      events.push('first work started');
    });
    await new Promise<void>((resolve) => {
      let acks = 0;
      const stream = setInterval(() => {
        inFlight.tryQueue(async () => undefined);
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

  it('starts unpaced work ahead of paced work, even when the pace allows no start yet', async () => {
    const clock = testClock();
    const inFlight = new InFlight({ concurrency: 100, queue: 1_000 }, clock);
    const started: string[] = [];
    for (let i = 0; i < 300; i++) inFlight.tryQueue(async () => void started.push('paced'));
    inFlight.tryQueue(async () => void started.push('decision'), { unpaced: true });
    // The clock stands still, so the pace's first burst is all the paced work that may start.
    for (let i = 0; i < 5; i++) await turn();
    expect(started).toContain('decision');
    expect(started.filter((name) => name === 'paced').length).toBeLessThan(300);
  });

  it('refuses new work once the oldest waiting work has waited longer than maxWaitMs, and takes it again after', async () => {
    const clock = testClock();
    const inFlight = new InFlight({ concurrency: 1, queue: 100, maxWaitMs: 2_000 }, clock);
    let release: () => void = () => undefined;
    inFlight.tryQueue(() => new Promise<void>((resolve) => (release = resolve)));
    await turn();
    let lateButAnswered = false;
    inFlight.tryQueue(async () => {
      lateButAnswered = true;
    });
    clock.ms = 2_000;
    expect(inFlight.tryQueue(async () => undefined)).toBe(true);
    clock.ms = 2_001;
    expect(inFlight.tryQueue(never)).toBe(false);
    release();
    await inFlight.drain(1_000);
    expect(lateButAnswered).toBe(true);
    expect(inFlight.tryQueue(async () => undefined)).toBe(true);
  });
});

describe('InFlight under a busy event loop', () => {
  afterEach(() => vi.useRealTimers());

  /** Starts of quick work during one simulated second, with the loop as busy as `busy` says. */
  const startsInASecond = async (clock: ReturnType<typeof testClock>, queued: () => number) => {
    const before = queued();
    for (let ms = 0; ms < 1_000; ms += 10) {
      clock.ms += 10;
      vi.advanceTimersByTime(10);
      await turn();
    }
    return queued() - before;
  };

  it('starts work more slowly while the loop is saturated, and faster again once it has time to spare', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const clock = testClock();
    const inFlight = new InFlight({ concurrency: 1_000, queue: 100_000, maxWaitMs: 1e9 }, clock);
    let started = 0;
    for (let i = 0; i < 5_000; i++) {
      inFlight.tryQueue(async () => {
        started += 1;
      });
    }

    clock.busy = 1;
    const saturated = await startsInASecond(clock, () => started);
    clock.busy = 0.2;
    await startsInASecond(clock, () => started);
    const spare = await startsInASecond(clock, () => started);

    expect(inFlight.rate).toBeGreaterThan(200);
    expect(saturated).toBeLessThan(150);
    expect(spare).toBeGreaterThan(saturated * 4);
  });
});

describe('the pace at which waiting work starts', () => {
  const bounds = { min: 50, initial: 200, max: 20_000 };

  it('falls by 30% after a window in which the loop was busier than the high mark, never below the minimum', () => {
    expect(nextRate(1_000, HIGH + 0.01, true, bounds)).toBe(700);
    let rate = 1_000;
    for (let i = 0; i < 20; i++) rate = nextRate(rate, 1, true, bounds);
    expect(rate).toBe(50);
  });

  it('rises by a quarter while the loop had time to spare and work waited for the pace, never above the maximum', () => {
    expect(nextRate(200, LOW - 0.01, true, bounds)).toBe(250);
    let rate = 200;
    for (let i = 0; i < 100; i++) rate = nextRate(rate, 0, true, bounds);
    expect(rate).toBe(20_000);
  });

  it('stays when no work waited for it, so a rate nothing uses cannot let a burst through later', () => {
    expect(nextRate(200, 0, false, bounds)).toBe(200);
  });

  it('holds between the two marks, so it does not swing with every measurement', () => {
    expect(nextRate(400, (HIGH + LOW) / 2, true, bounds)).toBe(400);
    expect(nextRate(400, HIGH, true, bounds)).toBe(400);
    expect(nextRate(400, LOW, true, bounds)).toBe(400);
  });

  it('spreads starts at its rate, with only a short burst back to back', () => {
    const pacer = new Pacer(0, { min: 50, initial: 1_000, max: 20_000 });
    let taken = 0;
    while (pacer.take(0)) taken += 1;
    expect(taken).toBe(10);
    expect(pacer.waitMs(0)).toBe(1);
    expect(pacer.take(1)).toBe(true);
    expect(pacer.take(1)).toBe(false);
    let later = 0;
    for (let ms = 2; ms <= 101; ms++) while (pacer.take(ms)) later += 1;
    expect(later).toBe(100);
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
    inFlight.tryQueue(async () => {
      await inFlight.aside(() => slowCall);
      slowDone = true;
    });
    let secondRan = false;
    inFlight.tryQueue(async () => {
      secondRan = true;
    });
    for (let i = 0; i < 20 && !secondRan; i++) await turn();
    await turn();
    expect(secondRan).toBe(true);
    expect(slowDone).toBe(false);
    expect(inFlight.size).toBe(1);
    releaseSlow();
    await inFlight.drain(1_000);
    expect(slowDone).toBe(true);
    expect(inFlight.size).toBe(0);
  });

  it('runs work called outside any place as it is', async () => {
    const inFlight = new InFlight({ concurrency: 1 });
    expect(await inFlight.aside(async () => 7)).toBe(7);
  });
});
