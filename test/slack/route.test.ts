import { describe, expect, it } from 'vitest';
import { routeById } from '../../src/slack/listeners/route.js';

describe('one listener routing a surface by id', () => {
  const calls: string[] = [];
  const listener = (name: string) => async (args: { id?: string }) => {
    calls.push(`${name}:${args.id}`);
  };
  const route = routeById(
    new Map([
      ['approve', listener('approve')],
      ['reject', listener('reject')],
    ]),
    (args: { id?: string }) => args.id,
  );

  it('hands each request to the listener for its id, and to no other', async () => {
    await route({ id: 'reject' });
    await route({ id: 'approve' });
    expect(calls).toEqual(['reject:reject', 'approve:approve']);
  });

  it('leaves a request with an unknown or missing id to nobody', async () => {
    calls.length = 0;
    await route({ id: 'approve.old' });
    await route({});
    expect(calls).toEqual([]);
  });
});
