import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approveCommand, waitForState, writeCalls, writesTo } from '../helpers/approval-outcome.js';
import { approve, latestCard, requestApproval } from '../helpers/approvals.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

describe('RBAC roles and their assignments through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  /** A custom role, a project with its own role, a member, a non-member, a group with access to it and one without. */
  const seed = () => {
    const { state } = h.openai;
    const alpha = state.addProject({ name: 'Alpha' });
    const ann = state.addUser({ email: 'ann@x.com', name: 'Ann' });
    const bob = state.addUser({ email: 'bob@x.com' });
    state.addProjectUser(alpha.id, { userId: ann.id });
    const research = state.addGroup({ name: 'Research' });
    state.addProjectGroup(alpha.id, { groupId: research.id, role: 'role_project_member' });
    state.addGroup({ name: 'Ops' });
    const auditor = state.rbac.addRole({
      name: 'Auditor',
      permissions: ['api.audit_logs.read', 'api.usage.read'],
      description: 'Reads logs and usage',
    });
    const keys = state.rbac.addRole({ name: 'Keys', permissions: ['api.keys.read'], projectId: alpha.id });
    return { alpha, ann, bob, research, auditor, keys };
  };

  const held = (type: 'user' | 'group', id: string, projectId: string | null = null) =>
    h.openai.state.rbac.heldBy(type, id, projectId).map(({ role }) => role.name);

  it('creates an organization role and a project role, and lists each only in its scope', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const org = await h.ask('roles create Auditor --permission api.audit_logs.read --permission API.usage.read');
    expect(messageText(org)).toContain('Created role "Auditor" in the organization.');
    const project = await h.ask(
      'roles create "Key reader" --permission api.organization.projects.api_keys.read,api.usage.read --project alpha --description "Reads keys"',
    );
    expect(messageText(project)).toContain(`Created role "Key reader" in project Alpha (${alpha.id}).`);
    expect(writeCalls(h)).toEqual([
      {
        call: 'POST /organization/roles',
        body: { role_name: 'Auditor', permissions: ['api.audit_logs.read', 'api.usage.read'] },
      },
      {
        call: `POST /projects/${alpha.id}/roles`,
        body: {
          role_name: 'Key reader',
          permissions: ['api.organization.projects.api_keys.read', 'api.usage.read'],
          description: 'Reads keys',
        },
      },
    ]);
    const orgList = messageText(await h.ask('roles list', USERS.viewer));
    expect(orgList).toContain('3 roles in the organization');
    expect(orgList).toMatch(/Auditor[\s\S]*custom[\s\S]*api\.audit_logs\.read, api\.usage\.read/);
    expect(orgList).not.toContain('Key reader');
    const projectList = messageText(await h.ask(`roles list --project ${alpha.id}`, USERS.viewer));
    expect(projectList).toContain(`3 roles in project Alpha (${alpha.id})`);
    expect(projectList).toContain('Key reader');
    expect(projectList).not.toContain('Auditor');
  });

  it('shows a role by name with every permission, and a project role within its project', async () => {
    const { alpha, auditor, keys } = seed();
    const text = messageText(await h.ask('roles show AUDITOR', USERS.viewer));
    expect(text).toContain('Role "Auditor" of the organization');
    expect(text).toContain(`Role id: ${auditor.id}`);
    expect(text).toContain('Description: Reads logs and usage');
    expect(text).toContain('Permissions (2): api.audit_logs.read, api.usage.read');
    expect(messageText(await h.ask(`roles show ${keys.id} --project Alpha`))).toContain(
      `Role "Keys" of project Alpha (${alpha.id})`,
    );
    expect(messageText(await h.ask('roles show owner'))).toContain('Predefined by OpenAI');
  });

  it('replaces the permissions of a role and says what was added and removed', async () => {
    const { auditor } = seed();
    const text = messageText(
      await h.ask(
        'roles update auditor --permission api.audit_logs.read,api.costs.read --description "Logs and costs"',
      ),
    );
    expect(writeCalls(h)).toEqual([
      {
        call: `POST /organization/roles/${auditor.id}`,
        body: { permissions: ['api.audit_logs.read', 'api.costs.read'], description: 'Logs and costs' },
      },
    ]);
    expect(text).toContain('Updated role "Auditor" of the organization.');
    expect(text).toContain('Permissions: adds api.costs.read; removes api.usage.read.');
    expect(h.openai.state.rbac.requireRole(null, auditor.id).description).toBe('Logs and costs');
  });

  it('renames a project role and changes its description, within its project', async () => {
    const { alpha, keys } = seed();
    expect(messageText(await h.ask('roles rename Keys "Key readers" --project Alpha'))).toContain(
      `Renamed role "Keys" of project Alpha (${alpha.id}) to "Key readers".`,
    );
    await h.ask('roles update "key readers" --project Alpha --description "Sees project keys"');
    expect(writeCalls(h)).toEqual([
      { call: `POST /projects/${alpha.id}/roles/${keys.id}`, body: { role_name: 'Key readers' } },
      { call: `POST /projects/${alpha.id}/roles/${keys.id}`, body: { description: 'Sees project keys' } },
    ]);
  });

  it('gives organization roles to a user named by mention and to a group named by name', async () => {
    const { ann, research, auditor } = seed();
    h.slack.users.set('U123', { id: 'U123', email: 'Ann@X.com' });
    const toAnn = messageText(await h.ask('roles assign auditor --user <@U123|ann>'));
    expect(toAnn).toContain('Gave role "Auditor" to ann@x.com in the organization.');
    expect(toAnn).toContain('It grants: api.audit_logs.read, api.usage.read.');
    await h.ask(`roles assign ${auditor.id} --group research`);
    expect(writeCalls(h)).toEqual([
      { call: `POST /organization/users/${ann.id}/roles`, body: { role_id: auditor.id } },
      { call: `POST /organization/groups/${research.id}/roles`, body: { role_id: auditor.id } },
    ]);
    expect(held('user', ann.id)).toEqual(['Auditor']);
    expect(held('group', research.id)).toEqual(['Auditor']);
  });

  it('gives project roles to a project member and to a group, and lists what each has', async () => {
    const { alpha, ann, research, keys } = seed();
    await h.ask('roles assign Keys --user ann@x.com --project Alpha');
    await h.ask('roles assign Member --group Research --project Alpha');
    expect(writeCalls(h)).toEqual([
      { call: `POST /projects/${alpha.id}/users/${ann.id}/roles`, body: { role_id: keys.id } },
      { call: `POST /projects/${alpha.id}/groups/${research.id}/roles`, body: { role_id: 'role_project_member' } },
    ]);
    const annRoles = messageText(await h.ask('roles of --user ann@x.com --project Alpha', USERS.viewer));
    expect(annRoles).toContain(`1 role of ann@x.com in project Alpha (${alpha.id})`);
    expect(annRoles).toContain('Keys');
    const groupRoles = messageText(await h.ask('roles of --group Research --project Alpha', USERS.viewer));
    expect(groupRoles).toContain('1 role of group Research in project Alpha');
    expect(groupRoles).toMatch(/Member[\s\S]*predefined/);
    expect(messageText(await h.ask('roles of --user ann@x.com'))).toContain('0 roles of ann@x.com in the organization');
  });

  it('lists the organization roles of a user and of a group', async () => {
    const { ann, research, auditor } = seed();
    h.openai.state.rbac.assign('user', ann.id, null, auditor.id);
    h.openai.state.rbac.assign('group', research.id, null, 'role_org_reader');
    expect(messageText(await h.ask(`roles of --user ${ann.id}`))).toMatch(/1 role of ann@x\.com[\s\S]*Auditor/);
    expect(messageText(await h.ask(`roles of --group ${research.id}`))).toMatch(
      /1 role of group Research[\s\S]*Reader/,
    );
  });

  it.each([
    ['roles create Auditor', 'Give at least one --permission, e.g. --permission api.audit_logs.read.'],
    ['roles create X --permission "read everything"', '"read everything" is not a permission'],
    ['roles create owner --permission api.a.read', 'A role named "Owner" already exists in the organization'],
    ['roles assign Auditor', 'Say whose roles: give --user <user> or --group <group>.'],
    ['roles assign Auditor --user ann@x.com --group Research', 'Give either --user or --group, not both.'],
    ['roles assign Nobody --user ann@x.com', 'No role of the organization is named "Nobody". Its roles: Owner'],
    ['roles assign Auditor --user ann@x.com --project Alpha', '"Auditor" is an organization role: leave out --project'],
    ['roles assign Keys --user bob@x.com --project Alpha', 'bob@x.com is not a member of project Alpha'],
    ['roles assign Auditor --user nobody@x.com', 'No member of the organization has the email nobody@x.com.'],
    ['roles assign Auditor --group Nobody', 'No group is named "Nobody"'],
    ['roles assign Keys --group ops --project Alpha', 'Group Ops has no access to project Alpha'],
    ['roles assign Auditor --user cat@x.com', 'is already given to cat@x.com in the organization; nothing to change'],
    ['roles unassign Auditor --user ann@x.com', 'is not given to ann@x.com in the organization; nothing to take away'],
    ['roles delete Owner', '"Owner" is a predefined role of the organization'],
    ['roles rename Reader Boss', '"Reader" is a predefined role'],
    ['roles update Auditor', 'Say what to change'],
    ['roles update Auditor --permission api.usage.read,api.audit_logs.read', 'already grants exactly that'],
    ['roles list --project Nowhere', 'No project is named "Nowhere"'],
  ])('answers "%s" with a specific message and changes nothing', async (command, message) => {
    const { auditor } = seed();
    const cat = h.openai.state.addUser({ email: 'cat@x.com' });
    h.openai.state.rbac.assign('user', cat.id, null, auditor.id);
    expect(messageText(await h.ask(command))).toContain(message);
    expect(writesTo(h)).toHaveLength(0);
  });

  it('deletes an organization role only after a second person approves, with exactly one DELETE', async () => {
    const { ann, auditor } = seed();
    h.openai.state.rbac.assign('user', ann.id, null, auditor.id);
    const { cardText } = await approveCommand(h, 'roles delete auditor');
    expect(cardText).toContain(`Delete role \\"Auditor\\" (${auditor.id}) of the organization`);
    expect(cardText).toContain('It grants: api.audit_logs.read, api.usage.read.');
    expect(writeCalls(h).map((c) => c.call)).toEqual([`DELETE /organization/roles/${auditor.id}`]);
    expect(h.openai.state.rbac.rolesOf(null).map((role) => role.name)).toEqual(['Owner', 'Reader']);
    expect(held('user', ann.id)).toEqual([]);
  });

  it('deletes a project role after approval', async () => {
    const { alpha, keys } = seed();
    await approveCommand(h, 'roles delete keys --project Alpha');
    expect(writeCalls(h).map((c) => c.call)).toEqual([`DELETE /projects/${alpha.id}/roles/${keys.id}`]);
  });

  it.each([
    ['user in the organization', 'roles unassign Auditor --user ann@x.com', 'user', null],
    ['group in the organization', 'roles unassign Auditor --group Research', 'group', null],
    ['user in a project', 'roles unassign Keys --user ann@x.com --project Alpha', 'user', 'alpha'],
    ['group in a project', 'roles unassign Keys --group Research --project Alpha', 'group', 'alpha'],
  ] as const)('takes a role from a %s only after approval', async (_what, command, type, scope) => {
    const { alpha, ann, research, auditor, keys } = seed();
    const projectId = scope === null ? null : alpha.id;
    const principalId = type === 'user' ? ann.id : research.id;
    const role = scope === null ? auditor : keys;
    h.openai.state.rbac.assign(type, principalId, projectId, role.id);
    const { cardText } = await approveCommand(h, command);
    expect(cardText).toContain(`Take role \\"${role.name}\\" (${role.id}) away from`);
    expect(cardText).toContain('It can be given back with /openai roles assign.');
    const base = projectId === null ? '/organization' : `/projects/${projectId}`;
    expect(writeCalls(h).map((c) => c.call)).toEqual([`DELETE ${base}/${type}s/${principalId}/roles/${role.id}`]);
    expect(held(type, principalId, projectId)).toEqual([]);
  });

  it('reports OpenAI’s answer with its request id when the role was taken away before the approval', async () => {
    const { ann, auditor } = seed();
    h.openai.state.rbac.assign('user', ann.id, null, auditor.id);
    const { card, id } = await requestApproval(h, 'roles unassign Auditor --user ann@x.com');
    h.openai.state.rbac.unassign('user', ann.id, null, auditor.id);
    await approve(h, card, USERS.approver);
    const row = await waitForState(h, id, 'failed');
    expect(JSON.stringify(row.error)).toContain(`No such role assignment: ${auditor.id}`);
    await expect
      .poll(() => latestCard(h, card))
      .toMatch(/but it failed: OpenAI could not find that\. \(HTTP 404\) OpenAI said: “No such role assignment/);
    expect(latestCard(h, card)).toMatch(/OpenAI request id `req_\d+`/);
  });
});
