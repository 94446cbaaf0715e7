import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForState } from '../helpers/approval-outcome.js';
import { approve, requestApproval } from '../helpers/approvals.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';
import { failSqliteTransitionsTo } from '../helpers/sql-faults.js';

describe('a database fault while an approval is recorded', () => {
  let h: Harness | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    h = undefined;
  });

  it('tells the approver, keeps the request approvable by the same click again, and runs it once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'approval-fault-'));
    const file = join(dir, 'bot.db');
    h = await startHarness({ env: { DATABASE_URL: `sqlite:${file}` } });
    const ola = h.openai.state.addUser({ email: 'ola@x.com' });
    const { card, id } = await requestApproval(h, 'users remove ola@x.com');

    const heal = await failSqliteTransitionsTo(file, 'approved');
    const failed = await approve(h, card, USERS.approver);
    const error = messageText(await h.slack.waitForResponse(failed.responseId));
    await heal();
    expect(error).toContain('Something went wrong inside the bot. Nothing further was changed');
    expect(await h.bot.container.store.get(id)).toMatchObject({ state: 'pending' });
    expect(await h.bot.container.store.listApprovals(id)).toEqual([]);

    await approve(h, card, USERS.approver);
    await waitForState(h, id, 'succeeded');
    // The run's last steps (card, thread reply, audit entry) finish after the state changes.
    await h.bot.container.inFlight.drain(5_000);
    await h.bot.container.sweeper.sweep();
    expect(h.openai.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      `/organization/users/${ola.id}`,
    ]);
    const audit = await h.bot.container.store.listAudit({ requestId: id });
    expect(audit.map((e) => e.event)).toEqual(['requested', 'approval', 'approved', 'executed']);
  });
});
