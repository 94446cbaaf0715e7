import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, messageText, rawText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

describe('/openai invite through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.openai.reset();
  });

  const invitesCreated = () =>
    h.openai.requests.filter(
      (r: { method: string; path: string }) => r.method === 'POST' && r.path === '/organization/invites',
    );

  it('invites the address Slack sends in mailto form, defaulting to reader, and reports the invite id', async () => {
    const reply = await h.ask('invite <mailto:Bob@X.com|Bob@X.com>');
    expect(invitesCreated()).toHaveLength(1);
    expect(invitesCreated()[0]?.body).toEqual({ email: 'bob@x.com', role: 'reader' });
    const text = messageText(reply);
    expect(text).toContain('Invited bob@x.com as reader');
    expect(text).toMatch(/Invite id: invite-\w+/);
    expect(text).toMatch(/OpenAI request id `req_\d+`/);
    const listed = await h.ask('invites list');
    expect(messageText(listed)).toContain('bob@x.com');
  });

  it('invites as owner and assigns projects by name and id in the same invite', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const beta = h.openai.state.addProject({ name: 'Beta' });
    const reply = await h.ask(`invite carol@x.com owner --project Alpha:owner --project ${beta.id}`);
    expect(invitesCreated()[0]?.body).toEqual({
      email: 'carol@x.com',
      role: 'owner',
      projects: [
        { id: alpha.id, role: 'owner' },
        { id: beta.id, role: 'member' },
      ],
    });
    expect(messageText(reply)).toContain('Alpha as owner');
  });

  it.each([
    ['invite not-an-email reader', '"not-an-email" is not a valid email address.'],
    ['invite dave@x.com admin', '"admin" is not an organization role; use reader or owner.'],
    ['invite', 'Missing <email>.'],
    ['invite dave@x.com reader extra', 'Unexpected argument: extra.'],
    ['invite dave@x.com --project Nowhere', 'No project is named "Nowhere"'],
    ['invite dave@x.com --projct Alpha', 'Unknown option --projct. Did you mean --project?'],
    ['invte dave@x.com', 'Did you mean "invite"?'],
    ['users lst', 'users takes: users list, users show'],
  ])('answers "%s" with a specific message and calls nothing that changes state', async (text, message) => {
    const reply = await h.ask(text);
    expect(messageText(reply)).toContain(message);
    expect(h.openai.requests.filter((r: { method: string; path: string }) => r.method !== 'GET')).toHaveLength(0);
  });

  it('shows the usage line with bad input', async () => {
    const reply = await h.ask('invite nope');
    expect(messageText(reply)).toContain('Usage: `/openai invite <email> [reader|owner]');
  });

  it('refuses a write from a user the policy does not name as admin, without calling OpenAI', async () => {
    for (const user of [USERS.viewer, USERS.stranger, USERS.approver]) {
      const reply = await h.ask('invite eve@x.com', user);
      expect(messageText(reply)).toContain('You are not allowed to make this change');
    }
    expect(h.openai.requests).toHaveLength(0);
  });

  it('refuses reads to someone who holds no role', async () => {
    const reply = await h.ask('users list', USERS.stranger);
    expect(messageText(reply)).toContain('You are not allowed to view this');
    expect(h.openai.requests).toHaveLength(0);
  });

  it('escapes user input echoed back, so <!channel> never pings', async () => {
    const reply = await h.ask('invite "<!channel>@x.com"');
    expect(messageText(reply)).toContain('@channel');
    expect(rawText(reply)).not.toContain('<!channel>');
  });
});
