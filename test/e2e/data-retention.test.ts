import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approveCommand, writeCalls, writesTo } from '../helpers/approval-outcome.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';

describe('data retention through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const writes = () => writeCalls(h);

  it('shows the organization setting in plain words', async () => {
    const text = messageText(await h.ask('retention show'));
    expect(text).toContain('Data retention of the organization: modified_abuse_monitoring');
    expect(text).toContain('prompts and outputs are left out of abuse-monitoring logs');
  });

  it('shows a project that follows the organization together with the organization’s value', async () => {
    h.openai.state.addProject({ name: 'Alpha' });
    const text = messageText(await h.ask('retention show --project Alpha'));
    expect(text).toContain('organization_default: follows the organization’s setting');
    expect(text).toContain('The organization’s setting is modified_abuse_monitoring');
  });

  it('sets the organization to zero data retention after approval, showing now and after in plain words', async () => {
    const { cardText } = await approveCommand(h, 'retention set ZDR');
    expect(cardText).toContain('Now: modified_abuse_monitoring: Modified Abuse Monitoring');
    expect(cardText).toContain('After: zero_data_retention: Zero Data Retention');
    expect(cardText).toContain('need OpenAI’s prior approval');
    expect(writes()).toEqual([
      { call: 'POST /organization/data_retention', body: { retention_type: 'zero_data_retention' } },
    ]);
    expect(h.openai.state.orgDataRetention).toBe('zero_data_retention');
  });

  it('sets a project to none after approval', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const { cardText } = await approveCommand(h, 'retention set none --project Alpha');
    expect(cardText).toContain('Now: organization_default');
    expect(cardText).toContain('After: none: no retention control');
    expect(writes()).toEqual([
      { call: `POST /organization/projects/${alpha.id}/data_retention`, body: { retention_type: 'none' } },
    ]);
  });

  it.each([
    [
      'retention set none',
      '"none" exists only for projects (add --project); the organization takes: zero_data_retention',
    ],
    ['retention set organization_default', '"organization_default" exists only for projects'],
    [
      'retention set forever --project Alpha',
      '"forever" is not a data retention type; use one of: organization_default',
    ],
    ['retention set modified-abuse-monitoring', 'already modified_abuse_monitoring; nothing to change.'],
    ['retention set', 'Missing <type>.'],
  ])('answers "%s" with a specific message and changes nothing', async (command, message) => {
    h.openai.state.addProject({ name: 'Alpha' });
    expect(messageText(await h.ask(command))).toContain(message);
    expect(writesTo(h)).toHaveLength(0);
  });
});
