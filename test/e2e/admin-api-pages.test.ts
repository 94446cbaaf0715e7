import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';

describe('Admin API page sizes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const userCalls = () => h.openai.requests.filter((r) => r.path === '/organization/users');

  it('lists 2,000 members in 20 pages of 100', async () => {
    for (let i = 0; i < 2_000; i++) h.openai.state.addUser({ email: `person${i}@x.com` });
    const reply = await h.ask('users list');
    expect(messageText(reply)).toContain('2000 members');
    expect(userCalls()).toHaveLength(20);
    expect(userCalls().every((r) => r.query.get('limit') === '100')).toBe(true);
    expect(new Set(userCalls().map((r) => r.query.get('after'))).size).toBe(20);
  });

  it('shows one member by email with one call, filtered by that email', async () => {
    for (let i = 0; i < 300; i++) h.openai.state.addUser({ email: `person${i}@x.com` });
    const reply = await h.ask('users show person123@x.com');
    expect(messageText(reply)).toContain('person123@x.com');
    expect(userCalls().map((r) => r.rawQuery)).toEqual(['emails=person123%40x.com&limit=100']);
  });
});
