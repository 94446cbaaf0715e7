import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approveCommand, writeCalls, writesTo } from '../helpers/approval-outcome.js';
import { requestApproval } from '../helpers/approvals.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const daysAgo = (days: number) => Math.floor((NOW - days * 86_400_000) / 1000);

describe('key hygiene through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ start: { now: () => new Date(NOW) } });
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  /** An organization with keys of every kind, fresh and stale; returns the ids that are stale. */
  const seed = () => {
    const { state } = h.openai;
    const alpha = state.addProject({ name: 'Alpha' });
    const beta = state.addProject({ name: 'Beta' });
    const ann = state.addUser({ email: 'ann@x.com' });
    const bob = state.addUser({ email: 'bob@x.com' });
    for (const user of [ann, bob]) state.addProjectUser(alpha.id, { userId: user.id });
    state.addProjectUser(beta.id, { userId: ann.id });
    const key = (projectId: string, name: string, userId: string, createdDaysAgo: number, usedDaysAgo?: number) => {
      const record = state.addProjectApiKey(projectId, {
        name,
        userId,
        lastUsedAt: usedDaysAgo === undefined ? null : daysAgo(usedDaysAgo),
      });
      record.createdAt = daysAgo(createdDaysAgo);
      return record;
    };
    key(alpha.id, 'fresh', ann.id, 300, 10);
    const unused = key(alpha.id, 'unused', ann.id, 300, 100);
    const never = key(beta.id, 'never', ann.id, 200);
    key(beta.id, 'new', ann.id, 5);
    const orphan = key(alpha.id, 'orphan', bob.id, 30, 1);
    // Bob left the organization; his key is still there.
    state.users.delete(bob.id);
    const { serviceAccount: account } = state.addServiceAccount(alpha.id, { name: 'ci', withKey: false });
    const robot = state.addProjectApiKey(alpha.id, {
      name: 'robot',
      serviceAccountId: account.id,
      lastUsedAt: daysAgo(120),
    });
    const forever = state.addAdminKey({ name: 'forever', lastUsedAt: daysAgo(1) });
    state.addAdminKey({ name: 'expiring', expiresInSeconds: 86_400, lastUsedAt: daysAgo(200) });
    return { alpha, beta, unused, never, orphan, robot, forever };
  };

  it('lists exactly the stale keys with why, and never the bot’s own admin key', async () => {
    const { unused, never, orphan, robot, forever } = seed();
    const text = messageText(await h.ask('keys stale', USERS.viewer));
    expect(text).toContain('5 stale keys in the organization');
    const listed = [...text.matchAll(/`(key_[^`]+)`/g)].map((m) => m[1]).sort();
    expect(listed).toEqual([unused.id, never.id, orphan.id, robot.id, forever.id].sort());
    expect(text).toContain('unused since 2026-02-21');
    expect(text).toContain('never used (created 2025-11-13)');
    expect(text).toContain('owner left the organization');
    expect(text).toContain('service account key: delete its service account');
    expect(text).toContain('admin key without expiry');
    expect(text).not.toContain(h.openai.state.botKeyId);
    expect(messageText(await h.ask('keys stale --unused 3d --project Beta', USERS.viewer))).toContain(
      '2 stale keys in project Beta',
    );
    expect(messageText(await h.ask('keys stale --unused 2h'))).toContain('--unused 2h: give at least a day');
  });

  it('revokes the listed set in one approval, each key deleted once, service-account keys left alone', async () => {
    const { alpha, beta, unused, never, orphan, forever } = seed();
    const start = h.slack.mark();
    const { cardText } = await approveCommand(h, 'keys revoke-stale');
    expect(cardText).toContain('Revoke 4 stale keys in the organization: 3 project keys in 2 projects, 1 admin key');
    expect(
      writeCalls(h)
        .map((c) => c.call)
        .sort(),
    ).toEqual(
      [
        `DELETE /organization/projects/${alpha.id}/api_keys/${unused.id}`,
        `DELETE /organization/projects/${beta.id}/api_keys/${never.id}`,
        `DELETE /organization/projects/${alpha.id}/api_keys/${orphan.id}`,
        `DELETE /organization/admin_api_keys/${forever.id}`,
      ].sort(),
    );
    expect(h.openai.state.adminKeys.has(h.openai.state.botKeyId)).toBe(true);
    const note = await h.slack.waitFor(
      start,
      (c) => c.method === 'chat.postMessage' && c.body.channel === USERS.admin && messageText(c).includes('Revoked'),
    );
    expect(messageText(note)).toContain('Revoked 4 of 4 stale keys.');
  });

  it('reports a partial failure per key', async () => {
    const { alpha, unused, never } = seed();
    h.openai.fail({ method: 'DELETE', path: `/organization/projects/${alpha.id}/api_keys/${unused.id}`, status: 500 });
    const start = h.slack.mark();
    await approveCommand(h, 'keys revoke-stale --project Alpha --unused 60d');
    const note = await h.slack.waitFor(
      start,
      (c) =>
        c.method === 'chat.postMessage' && c.body.channel === USERS.admin && messageText(c).includes('Revoked 1 of'),
    );
    const text = messageText(note);
    expect(text).toContain('Revoked 1 of 2 stale keys. 1 key could not be deleted:');
    expect(text).toContain(`${unused.id} "unused"`);
    expect(text).toMatch(/OpenAI request req_\d+/);
    expect(writesTo(h).filter((r) => r.method === 'DELETE')).toHaveLength(2);
    expect(writesTo(h).some((r) => r.path.includes(never.id))).toBe(false);
  });

  it('caps the card at 20 keys and counts the rest, within Block Kit limits', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const ann = h.openai.state.addUser({ email: 'ann@x.com' });
    h.openai.state.addProjectUser(alpha.id, { userId: ann.id });
    for (let i = 0; i < 45; i++) {
      h.openai.state.addProjectApiKey(alpha.id, { name: `old-${i}-${'x'.repeat(60)}`, userId: ann.id }).createdAt =
        daysAgo(400);
    }
    const { card } = await requestApproval(h, 'keys revoke-stale --project Alpha');
    const text = messageText(card);
    expect(text).toContain('Revoke 45 stale keys in project Alpha');
    expect(text.match(/• key_/g)).toHaveLength(20);
    expect(text).toContain('…and 25 more keys; /openai keys stale lists them all.');
    const blocks = card.body.blocks as { text?: { text: string } }[];
    for (const block of blocks) expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    expect(writesTo(h)).toHaveLength(0);
  });

  it('files nothing when there is nothing stale', async () => {
    h.openai.state.addProject({ name: 'Clean' });
    const before = (await h.bot.container.store.listByState(['pending'])).length;
    const text = messageText(await h.ask('keys revoke-stale --project Clean'));
    expect(text).toContain('No stale keys to revoke in project Clean; nothing was filed.');
    expect(await h.bot.container.store.listByState(['pending'])).toHaveLength(before);
  });
});
