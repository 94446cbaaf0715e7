import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForState, writesTo } from '../helpers/approval-outcome.js';
import { approve, latestCard, requestApproval } from '../helpers/approvals.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

/** Replaces what a stored request holds, from another connection, as a bad migration or a hand edit would. */
function rewriteStoredInput(file: string, id: string, input: unknown): void {
  const db = new SqliteDatabase(file);
  try {
    const changed = db.prepare('UPDATE approval_requests SET input = ? WHERE id = ?').run(JSON.stringify(input), id);
    expect(changed.changes).toBe(1);
  } finally {
    db.close();
  }
}

describe('an approved request whose stored input no longer parses', () => {
  let h: Harness | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    h = undefined;
  });

  it('fails with the reason on its card and sends nothing to OpenAI', async () => {
    dir = mkdtempSync(join(tmpdir(), 'stored-input-'));
    const file = join(dir, 'bot.db');
    h = await startHarness({ env: { DATABASE_URL: `sqlite:${file}` } });
    const ola = h.openai.state.addUser({ email: 'ola@x.com' });
    const { card, id } = await requestApproval(h, 'users remove ola@x.com');
    const stored = (await h.bot.container.store.get(id))?.input;
    expect(stored).toMatchObject({ user: 'ola@x.com', userId: ola.id });
    // Run as stored, this would delete user 12345.
    rewriteStoredInput(file, id, { ...stored, userId: 12345 });

    await approve(h, card, USERS.approver);
    const failed = await waitForState(h, id, 'failed');
    await h.bot.container.inFlight.drain(5_000);

    const reason =
      'It was not run: what the request holds no longer fits what users.remove takes ' +
      '(userId: Invalid input: expected string, received number). Nothing was changed; ask again if it is still wanted.';
    expect(failed.error).toEqual({ message: reason, request_id: null });
    expect(latestCard(h, card)).toContain(reason);
    expect(writesTo(h)).toEqual([]);
    expect(h.openai.state.users.has(ola.id)).toBe(true);
    const audit = await h.bot.container.store.listAudit({ requestId: id });
    expect(audit.map((entry) => entry.event)).toEqual(['requested', 'approval', 'approved', 'failed']);
  });

  it('holding only what was typed, without what was looked up, fails with the missing field named', async () => {
    dir = mkdtempSync(join(tmpdir(), 'stored-input-'));
    const file = join(dir, 'bot.db');
    h = await startHarness({ env: { DATABASE_URL: `sqlite:${file}` } });
    const ola = h.openai.state.addUser({ email: 'ola@x.com' });
    const { card, id } = await requestApproval(h, 'users remove ola@x.com');
    rewriteStoredInput(file, id, { user: 'ola@x.com' });

    await approve(h, card, USERS.approver);
    const failed = await waitForState(h, id, 'failed');
    await h.bot.container.inFlight.drain(5_000);

    expect(failed.error).toMatchObject({
      message: expect.stringContaining('no longer fits what users.remove takes (userId: '),
    });
    expect(writesTo(h)).toEqual([]);
    expect(h.openai.state.users.has(ola.id)).toBe(true);
  });
});
