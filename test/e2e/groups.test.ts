import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approveCommand, writeCalls, writesTo } from '../helpers/approval-outcome.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';

describe('groups through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const groupNamed = (name: string) => [...h.openai.state.groups.values()].find((g) => g.name === name);

  it('creates a group that the listing then shows, with its id', async () => {
    const created = messageText(await h.ask('groups create "Data science"'));
    const group = groupNamed('Data science');
    expect(writeCalls(h)).toEqual([{ call: 'POST /organization/groups', body: { name: 'Data science' } }]);
    expect(created).toContain('Created group Data science.');
    expect(created).toContain(`Group id: ${group?.id}`);
    const listed = messageText(await h.ask('groups list'));
    expect(listed).toContain('1 group');
    expect(listed).toContain('Data science');
    expect(listed).toContain(String(group?.id));
  });

  it('shows a group found by its id or by its name in any case, with its member count', async () => {
    const eng = h.openai.state.addGroup({ name: 'Engineering' });
    const ann = h.openai.state.addUser({ email: 'ann@x.com' });
    h.openai.state.addGroupUser(eng.id, ann.id);
    const byId = messageText(await h.ask(`groups show ${eng.id}`));
    expect(h.openai.requests.some((r) => r.method === 'GET' && r.path === `/organization/groups/${eng.id}`)).toBe(true);
    expect(byId).toContain('Group Engineering');
    expect(byId).toContain('Members: 1');
    expect(messageText(await h.ask('groups show engineering'))).toContain(`Group id: ${eng.id}`);
  });

  it('renames a group found by name and posts only the new name', async () => {
    const eng = h.openai.state.addGroup({ name: 'Eng' });
    const text = messageText(await h.ask('groups rename eng "Engineering team"'));
    expect(writeCalls(h)).toEqual([
      { call: `POST /organization/groups/${eng.id}`, body: { name: 'Engineering team' } },
    ]);
    expect(text).toContain('Renamed group Eng to Engineering team.');
    expect(h.openai.state.groups.get(eng.id)?.name).toBe('Engineering team');
  });

  it('adds several people at once, given by email, id and mention, and reports each', async () => {
    const eng = h.openai.state.addGroup({ name: 'Eng' });
    const ann = h.openai.state.addUser({ email: 'ann@x.com' });
    const bob = h.openai.state.addUser({ email: 'bob@x.com' });
    const cat = h.openai.state.addUser({ email: 'cat@x.com' });
    const dan = h.openai.state.addUser({ email: 'dan@x.com' });
    h.openai.state.addGroupUser(eng.id, dan.id);
    h.slack.users.set('U777', { id: 'U777', email: 'Cat@X.com' });
    const text = messageText(
      await h.ask(`groups add Eng <mailto:Ann@X.com|Ann@X.com> ${bob.id} <@U777|cat> dan@x.com ann@x.com`),
    );
    expect(writeCalls(h)).toEqual(
      [ann, bob, cat].map((u) => ({ call: `POST /organization/groups/${eng.id}/users`, body: { user_id: u.id } })),
    );
    expect([...(h.openai.state.groups.get(eng.id)?.members.keys() ?? [])].sort()).toEqual(
      [ann.id, bob.id, cat.id, dan.id].sort(),
    );
    expect(text).toContain('Added 3 people to group Eng.');
    expect(text).toMatch(/ann@x\.com.*added/);
    expect(text).toMatch(/dan@x\.com.*already in the group/);
  });

  it('reports per person when OpenAI refuses one of several additions, with its request id', async () => {
    const eng = h.openai.state.addGroup({ name: 'Eng' });
    h.openai.state.addUser({ email: 'ann@x.com' });
    const bob = h.openai.state.addUser({ email: 'bob@x.com' });
    h.openai.fail({ method: 'POST', path: `/organization/groups/${eng.id}/users`, status: 403 });
    const text = messageText(await h.ask('groups add Eng ann@x.com bob@x.com'));
    expect(text).toContain('Added 1 of 2 people to group Eng; 1 could not be added.');
    expect(text).toMatch(/ann@x\.com.*not added: The bot’s admin key is not allowed to do this\. \(HTTP 403\)/);
    expect(text).toMatch(/OpenAI request req_/);
    expect([...(h.openai.state.groups.get(eng.id)?.members.keys() ?? [])]).toEqual([bob.id]);
  });

  it.each([
    ['groups create', 'Missing <name>.'],
    ['groups create Eng', 'A group named "Eng" already exists'],
    ['groups rename Eng Eng', 'is already named "Eng"; nothing to change.'],
    ['groups rename Eng ops', 'A group named "Ops" already exists'],
    ['groups show Nowhere', 'No group is named "Nowhere"'],
    ['groups add Eng', 'Missing <email|user_id|@mention>.'],
    [
      'groups add Eng nobody@x.com ann@x.com ghost',
      'Nobody was added. No member of the organization has the email nobody@x.com.',
    ],
    ['groups add Eng ann@x.com bob@x.com ghost', '"ghost" is neither an email address nor a user id'],
    ['groups add Eng cat@x.com', 'cat@x.com is already in group Eng'],
    ['groups remove Eng ann@x.com', 'ann@x.com is not in group Eng'],
    ['groups members', 'Missing <group>.'],
  ])('answers "%s" with a specific message and changes nothing', async (command, message) => {
    const eng = h.openai.state.addGroup({ name: 'Eng' });
    h.openai.state.addGroup({ name: 'Ops' });
    h.openai.state.addUser({ email: 'ann@x.com' });
    h.openai.state.addUser({ email: 'bob@x.com' });
    const cat = h.openai.state.addUser({ email: 'cat@x.com' });
    h.openai.state.addGroupUser(eng.id, cat.id);
    expect(messageText(await h.ask(command))).toContain(message);
    expect(writesTo(h)).toHaveLength(0);
    expect([...(h.openai.state.groups.get(eng.id)?.members.keys() ?? [])]).toEqual([cat.id]);
  });

  it('lists the members of a group', async () => {
    const eng = h.openai.state.addGroup({ name: 'Eng' });
    const ann = h.openai.state.addUser({ email: 'ann@x.com', name: 'Ann' });
    h.openai.state.addGroupUser(eng.id, ann.id);
    const text = messageText(await h.ask('groups members Eng'));
    expect(text).toContain('1 person in group Eng');
    expect(text).toContain('Ann <ann@x.com>');
    expect(text).toContain(ann.id);
  });

  it('removes someone from a group only after approval, with exactly one DELETE', async () => {
    const eng = h.openai.state.addGroup({ name: 'Eng' });
    const ann = h.openai.state.addUser({ email: 'ann@x.com' });
    h.openai.state.addGroupUser(eng.id, ann.id);
    const { cardText } = await approveCommand(h, 'groups remove eng ANN@x.com');
    expect(cardText).toContain(`Remove ann@x.com (${ann.id}) from group Eng (${eng.id})`);
    expect(cardText).toContain('They stay in the organization');
    expect(writesTo(h).map((r) => `${r.method} ${r.path}`)).toEqual([
      `DELETE /organization/groups/${eng.id}/users/${ann.id}`,
    ]);
    expect(h.openai.state.groups.get(eng.id)?.members.has(ann.id)).toBe(false);
  });

  it('deletes a group only after approval; the card counts its members and the group leaves the listing', async () => {
    const eng = h.openai.state.addGroup({ name: 'Eng' });
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    for (const email of ['ann@x.com', 'bob@x.com']) {
      h.openai.state.addGroupUser(eng.id, h.openai.state.addUser({ email }).id);
    }
    h.openai.state.addProjectGroup(alpha.id, { groupId: eng.id, role: 'role_member' });
    const { cardText } = await approveCommand(h, 'groups delete Eng');
    expect(cardText).toContain(`Delete group Eng (${eng.id})`);
    expect(cardText).toContain('Members now: 2 people.');
    expect(writesTo(h).map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /organization/groups/${eng.id}`]);
    expect(messageText(await h.ask('groups list'))).toContain('No groups.');
    expect(messageText(await h.ask('projects groups Alpha'))).toContain('No groups have access to this project.');
  });
});
