import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approveCommand, writeCalls, writesTo } from '../helpers/approval-outcome.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

describe('hosted tools of a project through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  it('shows every hosted tool of a project found by name as on or off', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    h.openai.state.hostedTools.set(alpha.id, { mcp: false });
    const text = messageText(await h.ask('tools show alpha', USERS.viewer));
    expect(text).toContain('Hosted tools of project Alpha');
    expect(text).toContain('file search: on');
    expect(text).toContain('web search: on');
    expect(text).toContain('image generation: on');
    expect(text).toContain('mcp: off');
    expect(text).toContain('code interpreter: on');
  });

  it('turns a tool off only once a second person approves, sending that tool alone', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const { cardText } = await approveCommand(h, 'tools set Alpha web-search OFF');
    expect(cardText).toContain(`Turn web search off in project Alpha (${alpha.id})`);
    expect(cardText).toContain('Now: on. After: off.');
    expect(cardText).toContain('Requests of this project that use web search are refused once this runs.');
    expect(writeCalls(h)).toEqual([
      {
        call: `POST /organization/projects/${alpha.id}/hosted_tool_permissions`,
        body: { web_search: { enabled: false } },
      },
    ]);
    expect(h.openai.state.hostedTools.of(alpha.id)).toMatchObject({ web_search: false, file_search: true });
  });

  it('turns a tool back on after approval', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    h.openai.state.hostedTools.set(alpha.id, { code_interpreter: false });
    const { cardText } = await approveCommand(h, 'tools set Alpha code_interpreter on');
    expect(cardText).toContain("The project's API keys may use code interpreter once this runs.");
    expect(h.openai.state.hostedTools.of(alpha.id).code_interpreter).toBe(true);
  });

  it.each([
    ['tools set Alpha file_search on', 'file search is already on in project Alpha; nothing to change.'],
    ['tools set Alpha browsing off', '"browsing" is not a hosted tool; use one of file_search, web_search'],
    ['tools set Alpha mcp maybe', '"maybe" is neither on nor off.'],
    ['tools set Old mcp off', 'Project Old is archived'],
    ['tools show Nowhere', 'No project is named "Nowhere"'],
  ])('answers "%s" with a specific message and changes nothing', async (command, message) => {
    h.openai.state.addProject({ name: 'Alpha' });
    h.openai.state.addProject({ name: 'Old', archived: true });
    expect(messageText(await h.ask(command))).toContain(message);
    expect(writesTo(h)).toHaveLength(0);
  });
});
