import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approveCommand, writeCalls, writesTo } from '../helpers/approval-outcome.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';

describe('groups with access to projects, through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const gets = (path: string) => h.openai.requests.filter((r) => r.method === 'GET' && r.path === path);

  it('gives a group found by name access to a project found by name, which the listing then shows', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const eng = h.openai.state.addGroup({ name: 'Engineering' });
    const text = messageText(await h.ask('projects add-group alpha engineering --role member'));
    expect(writeCalls(h)).toEqual([
      {
        call: `POST /organization/projects/${alpha.id}/groups`,
        body: { group_id: eng.id, role: 'role_project_member' },
      },
    ]);
    expect(gets(`/organization/projects/${alpha.id}/groups/${eng.id}`)).toHaveLength(1);
    expect(text).toContain('Group Engineering now has access to project Alpha with role "Member".');
    expect(h.openai.state.projects.get(alpha.id)?.groups.get(eng.id)?.roleId).toBe('role_project_member');
    const listed = messageText(await h.ask(`projects groups ${alpha.id}`));
    expect(listed).toContain('1 group with access to project Alpha');
    expect(listed).toContain('Engineering');
    expect(listed).toContain(eng.id);
  });

  it.each([
    ['projects add-group Alpha Eng', 'Give the project role to grant with --role <role>.'],
    [
      'projects add-group Alpha Eng --role boss',
      `No role of project Alpha (proj_1) is named "boss". Its roles: Owner, Member.`,
    ],
    ['projects add-group Alpha Ops --role role_x', 'group Ops (group_2) already has access to project Alpha'],
    ['projects add-group Alpha Nowhere --role role_x', 'No group is named "Nowhere"'],
    ['projects add-group Old Eng --role role_x', 'Project Old is archived; archived projects cannot be changed.'],
    ['projects remove-group Alpha Eng', 'group Eng (group_1) has no access to project Alpha'],
    ['projects groups', 'Missing <project>.'],
  ])('answers "%s" with a specific message and changes nothing', async (command, message) => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    h.openai.state.addProject({ name: 'Old', archived: true });
    h.openai.state.addGroup({ name: 'Eng' });
    const ops = h.openai.state.addGroup({ name: 'Ops' });
    h.openai.state.addProjectGroup(alpha.id, { groupId: ops.id, role: 'role_member' });
    expect(messageText(await h.ask(command))).toContain(message);
    expect(writesTo(h)).toHaveLength(0);
    expect([...(h.openai.state.projects.get(alpha.id)?.groups.keys() ?? [])]).toEqual([ops.id]);
  });

  it('takes a group’s access to a project away only after approval, with exactly one DELETE', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const eng = h.openai.state.addGroup({ name: 'Eng' });
    h.openai.state.addProjectGroup(alpha.id, { groupId: eng.id, role: 'role_owner' });
    const { cardText } = await approveCommand(h, `projects remove-group Alpha ${eng.id}`);
    expect(cardText).toContain(`Take the access of group Eng (${eng.id}) to project Alpha (${alpha.id}) away`);
    expect(cardText).toContain('access they hold in their own right stays');
    expect(writesTo(h).map((r) => `${r.method} ${r.path}`)).toEqual([
      `DELETE /organization/projects/${alpha.id}/groups/${eng.id}`,
    ]);
    expect(h.openai.state.projects.get(alpha.id)?.groups.has(eng.id)).toBe(false);
  });
});
