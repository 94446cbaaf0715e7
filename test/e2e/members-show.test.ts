import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

describe('one project member through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  it('shows a member of a project found by email, with the project role', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const ann = h.openai.state.addUser({ email: 'ann@x.com', name: 'Ann' });
    h.openai.state.addProjectUser(alpha.id, { userId: ann.id, role: 'owner' });
    const text = messageText(await h.ask('members show Alpha <mailto:ANN@x.com|ANN@x.com>', USERS.viewer));
    expect(h.openai.requests.some((r) => r.path === `/organization/projects/${alpha.id}/users/${ann.id}`)).toBe(true);
    expect(text).toContain('Ann <ann@x.com> in project Alpha');
    expect(text).toContain(`User id: ${ann.id}`);
    expect(text).toContain('Project role: owner');
  });

  it('says plainly when an organization member is not in the project', async () => {
    h.openai.state.addProject({ name: 'Alpha' });
    h.openai.state.addUser({ email: 'bob@x.com' });
    const text = messageText(await h.ask('members show Alpha bob@x.com', USERS.viewer));
    expect(text).toContain('bob@x.com is in the organization but not a member of project Alpha.');
  });
});
