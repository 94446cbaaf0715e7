import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitForState } from '../helpers/approval-outcome.js';
import { approve, requestApproval } from '../helpers/approvals.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

describe('admin keys, organization roles and mentions through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const writes = () => h.openai.requests.filter((r) => r.method !== 'GET');

  describe('users role', () => {
    it('changes an organization role by email and sends role in the body', async () => {
      const bob = h.openai.state.addUser({ email: 'bob@x.com', role: 'reader' });
      const reply = await h.ask('users role bob@x.com OWNER');
      expect(writes()).toHaveLength(1);
      expect(writes()[0]).toMatchObject({
        method: 'POST',
        path: `/organization/users/${bob.id}`,
        body: { role: 'owner' },
      });
      expect(messageText(reply)).toContain('bob@x.com is now owner of the organization.');
      expect(h.openai.state.users.get(bob.id)?.role).toBe('owner');
    });

    it('refuses a role that is not reader or owner, and a change to the role they already have', async () => {
      h.openai.state.addUser({ email: 'bob@x.com', role: 'reader' });
      expect(messageText(await h.ask('users role bob@x.com admin'))).toContain(
        '"admin" is not an organization role; use reader or owner.',
      );
      expect(messageText(await h.ask('users role bob@x.com reader'))).toContain('bob@x.com is already reader.');
      expect(writes()).toHaveLength(0);
    });
  });

  describe('users role when the Admin API ignores the email filter', () => {
    it('changes the role of the member whose email matches, found by scanning the pages of members', async () => {
      h.openai.state.ignoresEmailFilter = true;
      const ann = h.openai.state.addUser({ email: 'ann@x.com', role: 'reader' });
      for (let i = 0; i < 120; i++) h.openai.state.addUser({ email: `member${i}@x.com`, role: 'reader' });
      const bob = h.openai.state.addUser({ email: 'Bob@X.com', role: 'reader' });
      const reply = await h.ask('users role bob@x.com owner');
      expect(writes()).toEqual([
        expect.objectContaining({ path: `/organization/users/${bob.id}`, body: { role: 'owner' } }),
      ]);
      expect(messageText(reply)).toContain('is now owner of the organization.');
      expect(h.openai.state.users.get(ann.id)?.role).toBe('reader');
      expect(h.openai.state.users.get(bob.id)?.role).toBe('owner');
    });

    it('lists only the members whose email was asked for', async () => {
      h.openai.state.ignoresEmailFilter = true;
      h.openai.state.addUser({ email: 'ann@x.com' });
      h.openai.state.addUser({ email: 'bob@x.com' });
      const text = messageText(await h.ask('users list --email BOB@x.com'));
      expect(text).toContain('1 member');
      expect(text).toContain('bob@x.com');
      expect(text).not.toContain('ann@x.com');
    });

    it('changes nobody when no member has the email, though the answer listed other members', async () => {
      h.openai.state.ignoresEmailFilter = true;
      const ann = h.openai.state.addUser({ email: 'ann@x.com', role: 'reader' });
      const reply = await h.ask('users role nobody@x.com owner');
      expect(messageText(reply)).toContain('No member of the organization has the email nobody@x.com.');
      expect(writes()).toHaveLength(0);
      expect(h.openai.state.users.get(ann.id)?.role).toBe('reader');
    });
  });

  describe('Slack mentions where a person is expected', () => {
    it('invites a mentioned member by their Slack email', async () => {
      h.slack.users.set('U123', { id: 'U123', email: 'Alice@X.com' });
      const reply = await h.ask('invite <@U123|alice> reader');
      expect(writes()[0]).toMatchObject({
        path: '/organization/invites',
        body: { email: 'alice@x.com', role: 'reader' },
      });
      expect(messageText(reply)).toContain('Invited alice@x.com as reader');
    });

    it('shows and re-roles a member given as a mention', async () => {
      h.slack.users.set('U234', { id: 'U234', email: 'carol@x.com' });
      const carol = h.openai.state.addUser({ email: 'carol@x.com', name: 'Carol' });
      expect(messageText(await h.ask('users show <@U234|carol>'))).toContain(`User id: ${carol.id}`);
      await h.ask('users role <@U234> owner');
      expect(writes()[0]).toMatchObject({ path: `/organization/users/${carol.id}`, body: { role: 'owner' } });
    });

    it('says clearly when Slack shows no email for the mentioned member, changing nothing', async () => {
      h.slack.users.set('U345', { id: 'U345' });
      for (const text of ['invite <@U345|dave>', 'users show <@U345>', 'invite <@U999|ghost>']) {
        expect(messageText(await h.ask(text))).toMatch(/Slack shows no email address for the member U(345|999)/);
      }
      expect(writes()).toHaveLength(0);
    });
  });

  describe('admin keys', () => {
    it("lists admin keys with redacted values, marking the bot's own", async () => {
      const other = h.openai.state.addAdminKey({ name: 'terraform' });
      const text = messageText(await h.ask('admin-keys list'));
      expect(text).toContain('2 admin keys');
      expect(text).toContain('Slack bot (this bot)');
      expect(text).toContain(other.id);
      expect(text).not.toContain('terraform (this bot)');
      expect(text).not.toContain(other.value);
    });

    it('refuses to delete the key the bot runs with before any approval is filed', async () => {
      await h.bot.container.inFlight.drain(5_000);
      const before = h.slack.callsTo('chat.postMessage').length;
      const pending = (await h.bot.container.store.listByState(['pending'])).length;
      const text = messageText(await h.ask('admin-keys delete key_bot'));
      expect(text).toContain('key_bot is the admin key this bot runs with');
      expect(h.slack.callsTo('chat.postMessage')).toHaveLength(before);
      expect(await h.bot.container.store.listByState(['pending'])).toHaveLength(pending);
      expect(writes()).toHaveLength(0);
    });

    it('deletes another admin key after approval', async () => {
      const other = h.openai.state.addAdminKey({ name: 'terraform', lastUsedAt: 1_767_225_600 });
      const { card, id } = await requestApproval(h, `admin-keys delete ${other.id}`);
      expect(messageText(card)).toContain(`Delete admin key "terraform" (${other.id}, sk-admin...`);
      expect(messageText(card)).toContain('last used 2026-01-01');
      await approve(h, card, USERS.approver);
      await waitForState(h, id, 'succeeded');
      expect(writes()).toEqual([
        expect.objectContaining({ method: 'DELETE', path: `/organization/admin_api_keys/${other.id}` }),
      ]);
      expect(h.openai.state.adminKeys.has('key_bot')).toBe(true);
    });

    it('files admin-keys create for approval with the expiry in seconds, creating nothing yet', async () => {
      const { card } = await requestApproval(h, 'admin-keys create ci --expires-in 90d');
      expect(messageText(card)).toContain('Create admin key "ci" that expires after 90 days');
      expect(messageText(card)).toContain('full administrative control');
      expect(writes()).toHaveLength(0);
    });

    it.each([
      ['admin-keys create ci --expires-in 3x', '"3x" is not a duration'],
      ['admin-keys create ci --expires-in 400d', '--expires-in 400d is out of range'],
      ['admin-keys create', 'Missing <name>.'],
    ])('answers "%s" with a specific message and files nothing', async (text, message) => {
      const pending = (await h.bot.container.store.listByState(['pending'])).length;
      expect(messageText(await h.ask(text))).toContain(message);
      expect(await h.bot.container.store.listByState(['pending'])).toHaveLength(pending);
    });
  });
});
