import { describe, expect, it } from 'vitest';
import { SharedAdmission } from '../../src/front-door/admission.js';
import { InFlight } from '../../src/in-flight.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('InFlight telling another thread whether it takes work', () => {
  it('says closed when the queue fills and open again once there is room, only on changes', async () => {
    const changes: boolean[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const inFlight = new InFlight({ concurrency: 1, queue: 1 }, undefined, {
      paced: false,
      onOpenChange: (open) => changes.push(open),
    });
    expect(inFlight.tryQueue(() => held)).toBe(true);
    expect(changes).toEqual([false]);
    await turn();
    expect(changes).toEqual([false, true]);
    expect(inFlight.tryQueue(async () => undefined)).toBe(true);
    expect(changes).toEqual([false, true, false]);
    expect(inFlight.tryQueue(async () => undefined)).toBe(false);
    expect(changes).toEqual([false, true, false]);
    release();
    await inFlight.drain(1_000);
    expect(changes).toEqual([false, true, false, true]);
  });

  it('unpaced, starts a thousand waiting pieces without waiting for a pace', async () => {
    // A clock that says the loop is always busy would hold paced work to the slowest pace.
    const busyClock = { now: () => performance.now(), utilisation: () => 1 };
    const inFlight = new InFlight({ concurrency: 2_000, queue: 2_000 }, busyClock, { paced: false });
    let started = 0;
    const start = async () => {
      started += 1;
    };
    for (let i = 0; i < 1_000; i++) inFlight.tryQueue(start);
    for (let i = 0; i < 200 && started < 1_000; i++) await turn();
    expect(started).toBe(1_000);
  });
});

describe('SharedAdmission', () => {
  it('shares the open flag and the count of commands taken between two views of one buffer', () => {
    const frontDoor = new SharedAdmission();
    const botThread = new SharedAdmission(frontDoor.buffer);
    expect(frontDoor.open).toBe(true);
    botThread.set(false);
    expect(frontDoor.open).toBe(false);
    for (let i = 0; i < 3; i++) frontDoor.noteHandedOver();
    botThread.noteTaken();
    expect(frontDoor.backlog).toBe(2);
    botThread.set(true);
    expect(frontDoor.open).toBe(true);
  });
});
