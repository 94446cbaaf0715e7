import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approveCommand, writesTo } from '../helpers/approval-outcome.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';

describe('projects and project members through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const posts = (path: string) => h.openai.requests.filter((r) => r.method === 'POST' && r.path === path);

  it('shows a project by name with its id, status and creation date', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha', createdAt: 1_767_225_600 });
    const text = messageText(await h.ask('projects show alpha'));
    expect(text).toContain('Project Alpha');
    expect(text).toContain(`Project id: ${alpha.id}`);
    expect(text).toContain('Status: active');
    expect(text).toContain('Created: 2026-01-01');
  });

  it('creates a project with the quoted name and reports its id', async () => {
    const text = messageText(await h.ask('projects create "Data science"'));
    expect(posts('/organization/projects').map((r) => r.body)).toEqual([{ name: 'Data science' }]);
    const created = [...h.openai.state.projects.values()].find((p) => p.name === 'Data science');
    expect(text).toContain('Created project Data science.');
    expect(text).toContain(`Project id: ${created?.id}`);
  });

  it('creates a project with a data residency region, sent as residency in the form the document lists', async () => {
    const text = messageText(await h.ask('projects create Frankfurt --residency eu_storage_processing'));
    expect(posts('/organization/projects').map((r) => r.body)).toEqual([
      { name: 'Frankfurt', residency: 'EU_STORAGE_PROCESSING' },
    ]);
    const created = [...h.openai.state.projects.values()].find((p) => p.name === 'Frankfurt');
    expect(created?.residency).toBe('EU_STORAGE_PROCESSING');
    expect(text).toContain('Created project Frankfurt.');
    expect(text).toContain('Data residency: EU_STORAGE_PROCESSING');
  });

  it('refuses a residency region the Admin API does not know, naming the ones it does, changing nothing', async () => {
    const text = messageText(await h.ask('projects create Mars --residency MARS_STORAGE'));
    expect(text).toContain('"MARS_STORAGE" is not a data residency region');
    expect(text).toContain('EU_STORAGE_PROCESSING');
    expect(writesTo(h)).toHaveLength(0);
  });

  it('refuses to create a second project with an existing name, changing nothing', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const text = messageText(await h.ask('projects create ALPHA'));
    expect(text).toContain(`A project named "Alpha" already exists (${alpha.id})`);
    expect(writesTo(h)).toHaveLength(0);
  });

  it('renames a project found by name and posts only the new name', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const text = messageText(await h.ask('projects rename Alpha "Alpha Prime"'));
    expect(posts(`/organization/projects/${alpha.id}`).map((r) => r.body)).toEqual([{ name: 'Alpha Prime' }]);
    expect(text).toContain('Renamed project Alpha to Alpha Prime.');
    expect(h.openai.state.projects.get(alpha.id)?.name).toBe('Alpha Prime');
  });

  it('refuses to rename an archived project, changing nothing', async () => {
    h.openai.state.addProject({ name: 'Old', archived: true });
    const text = messageText(await h.ask('projects rename Old New'));
    expect(text).toContain('Project Old is archived; archived projects cannot be changed.');
    expect(writesTo(h)).toHaveLength(0);
  });

  it('lists the members of a project with their roles', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const ann = h.openai.state.addUser({ email: 'ann@x.com', name: 'Ann' });
    h.openai.state.addProjectUser(alpha.id, { userId: ann.id, role: 'owner' });
    const text = messageText(await h.ask('members list Alpha'));
    expect(text).toContain('1 member in project Alpha');
    expect(text).toContain('Ann <ann@x.com>');
    expect(text).toContain(ann.id);
    expect(text).toContain('owner');
  });

  it('adds an organization member by the email Slack sends, as member by default', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const bob = h.openai.state.addUser({ email: 'bob@x.com' });
    const text = messageText(await h.ask('members add Alpha <mailto:Bob@X.com|Bob@X.com>'));
    expect(posts(`/organization/projects/${alpha.id}/users`).map((r) => r.body)).toEqual([
      { user_id: bob.id, role: 'member' },
    ]);
    expect(text).toContain('Added bob@x.com to project Alpha as member.');
    expect(h.openai.state.projects.get(alpha.id)?.members.get(bob.id)?.role).toBe('member');
  });

  it.each([
    ['members add Alpha nobody@x.com', 'No member of the organization has the email nobody@x.com.'],
    ['members add Alpha bob@x.com admin', '"admin" is not a project role; use member or owner.'],
    ['members add Alpha cat@x.com', 'cat@x.com is already in project Alpha as owner'],
    ['members role Alpha cat@x.com owner', 'cat@x.com is already owner of project Alpha; nothing to change.'],
    ['members role Alpha dan@x.com owner', 'dan@x.com is not a member of project Alpha.'],
    ['members remove Nowhere cat@x.com', 'No project is named "Nowhere"'],
    ['members list', 'Missing <project>.'],
  ])('answers "%s" with a specific message and changes nothing', async (command, message) => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    h.openai.state.addUser({ email: 'bob@x.com' });
    h.openai.state.addUser({ email: 'dan@x.com' });
    const cat = h.openai.state.addUser({ email: 'cat@x.com' });
    h.openai.state.addProjectUser(alpha.id, { userId: cat.id, role: 'owner' });
    expect(messageText(await h.ask(command))).toContain(message);
    expect(writesTo(h)).toHaveLength(0);
  });

  it('changes the project role of a member found by email', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const cat = h.openai.state.addUser({ email: 'cat@x.com' });
    h.openai.state.addProjectUser(alpha.id, { userId: cat.id });
    const text = messageText(await h.ask(`members role ${alpha.id} CAT@x.com owner`));
    expect(posts(`/organization/projects/${alpha.id}/users/${cat.id}`).map((r) => r.body)).toEqual([{ role: 'owner' }]);
    expect(text).toContain('cat@x.com is now owner of project Alpha.');
  });

  it('removes a member only after approval, with exactly one DELETE', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const cat = h.openai.state.addUser({ email: 'cat@x.com' });
    h.openai.state.addProjectUser(alpha.id, { userId: cat.id, role: 'owner' });
    const { cardText } = await approveCommand(h, 'members remove Alpha cat@x.com');
    expect(cardText).toContain(`Remove cat@x.com (${cat.id}) from project Alpha`);
    expect(cardText).toContain('Project role now: owner; after: no access to this project.');
    expect(writesTo(h).map((r) => `${r.method} ${r.path}`)).toEqual([
      `DELETE /organization/projects/${alpha.id}/users/${cat.id}`,
    ]);
    expect(h.openai.state.projects.get(alpha.id)?.members.has(cat.id)).toBe(false);
  });
});
