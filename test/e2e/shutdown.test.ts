import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/create-store.js';
import { approve, requestApproval } from '../helpers/approvals.js';
import { startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

const DAY = 24 * 60 * 60_000;

describe('shutdown', () => {
  it('stops the sweeper before draining, finishes the execution in flight, then closes the store', async () => {
    const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'openai-bot-shutdown-')), 'bot.db')}`;
    let offsetMs = 0;
    const h = await startHarness({
      env: { DATABASE_URL: url },
      start: { sweepIntervalMs: 50, now: () => new Date(Date.now() + offsetMs) },
    });
    const running = h.openai.state.addUser({ email: 'running@x.com' });
    h.openai.state.addUser({ email: 'waiting@x.com' });
    const inFlight = await requestApproval(h, 'users remove running@x.com');
    const waiting = await requestApproval(h, 'users remove waiting@x.com');
    h.openai.fail({
      method: 'DELETE',
      path: `/organization/users/${running.id}`,
      status: 200,
      body: { object: 'organization.user.deleted', id: running.id, deleted: true },
      delayMs: 1_500,
    });
    await approve(h, inFlight.card, USERS.approver);
    for (let i = 0; i < 200 && !h.openai.requests.some((r) => r.method === 'DELETE'); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(h.openai.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);

    const stopping = h.bot.stop(10_000);
    // From here on the pending request is overdue: a sweep that still ran during the drain would expire it.
    offsetMs = 2 * DAY;
    await stopping;
    await h.close();

    const store = await createStore(url);
    try {
      expect((await store.get(inFlight.id))?.state).toBe('succeeded');
      expect((await store.get(waiting.id))?.state).toBe('pending');
      expect((await store.listAudit({ requestId: waiting.id })).map((e) => e.event)).toEqual(['requested']);
    } finally {
      await store.close();
    }
  });
});
