import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approveCommand, writeCalls, writesTo } from '../helpers/approval-outcome.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';

const alertBody = (cents: number, recipients: string[], prefix?: string) => ({
  threshold_amount: cents,
  currency: 'USD',
  interval: 'month',
  notification_channel: { type: 'email', recipients, ...(prefix ? { subject_prefix: prefix } : {}) },
});

describe('spend alerts and spend limits through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const writes = () => writeCalls(h);

  it('creates an organization alert from a dollar amount, sending integer cents', async () => {
    const text = messageText(
      await h.ask('spend-alerts create $1,250.50 --email <mailto:Fin@X.com|Fin@X.com> --email ops@x.com'),
    );
    expect(writes()).toEqual([
      { call: 'POST /organization/spend_alerts', body: alertBody(125_050, ['fin@x.com', 'ops@x.com']) },
    ]);
    expect(text).toContain('Spend alert set for the organization: $1,250.50 a month.');
    expect(text).toMatch(/Alert id: alert_\w+/);
  });

  it('creates a project alert with a subject prefix and lists it in dollars', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    await h.ask('spend-alerts create 500 --email fin@x.com --project Alpha --subject-prefix "[Alpha]"');
    expect(writes()).toEqual([
      {
        call: `POST /organization/projects/${alpha.id}/spend_alerts`,
        body: alertBody(50_000, ['fin@x.com'], '[Alpha]'),
      },
    ]);
    const list = messageText(await h.ask('spend-alerts list --project Alpha'));
    expect(list).toContain(`1 spend alert for project Alpha (${alpha.id})`);
    expect(list).toContain('$500.00 a month');
    expect(list).toContain('email fin@x.com');
    expect(list).toContain('subject “[Alpha]”');
    expect(messageText(await h.ask('spend-alerts list'))).toContain('No spend alerts.');
  });

  it('updates an alert with the full body the API requires, keeping its subject prefix', async () => {
    const alert = h.openai.state.addSpendAlert({
      thresholdAmount: 10_000,
      recipients: ['a@x.com'],
      subjectPrefix: 'Org',
    });
    const text = messageText(await h.ask(`spend-alerts update ${alert.id} 2000.5 --email b@x.com`));
    expect(writes()).toEqual([
      { call: `POST /organization/spend_alerts/${alert.id}`, body: alertBody(200_050, ['b@x.com'], 'Org') },
    ]);
    expect(text).toContain(`Spend alert ${alert.id} of the organization is now $2,000.50 a month.`);
  });

  it('deletes a project alert only after approval', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const alert = h.openai.state.addSpendAlert({
      projectId: alpha.id,
      thresholdAmount: 75_000,
      recipients: ['a@x.com'],
    });
    const { cardText } = await approveCommand(h, `spend-alerts delete ${alert.id} --project Alpha`);
    expect(cardText).toContain(`Delete spend alert ${alert.id} of project Alpha (${alpha.id}) ($750.00 a month)`);
    expect(cardText).toContain('a@x.com emailed when monthly spend passes $750.00');
    expect(writes()).toEqual([
      { call: `DELETE /organization/projects/${alpha.id}/spend_alerts/${alert.id}`, body: undefined },
    ]);
    expect(alpha.spendAlerts.size).toBe(0);
  });

  it.each([
    ['spend-alerts create -5 --email a@x.com', '"-5" is negative; amounts must be zero or more.'],
    ['spend-alerts create lots --email a@x.com', '"lots" is not an amount in dollars'],
    ['spend-alerts create 12.345 --email a@x.com', '"12.345" has more than two decimals'],
    ['spend-alerts create 12,50 --email a@x.com', '"12,50" has misplaced thousands separators'],
    ['spend-alerts create 500', 'Give at least one recipient: --email a@x.com.'],
    ['spend-alerts create 500 --email nope', '"nope" is not a valid email address.'],
    ['spend-alerts create 500 --email a@x.com --project Nowhere', 'No project is named "Nowhere"'],
    ['spend-alerts update alert_404 500 --email a@x.com', 'OpenAI could not find that. (HTTP 404)'],
    ['spend-limit set 0', '"0" is too small; the least allowed is $0.01.'],
    ['spend-limit set $1.001', 'more than two decimals'],
    ['spend-limit remove', 'No spend limit is set for the organization; nothing to remove.'],
  ])('answers "%s" with a specific message and changes nothing', async (command, message) => {
    h.openai.state.addProject({ name: 'Alpha' });
    expect(messageText(await h.ask(command))).toContain(message);
    expect(writesTo(h)).toHaveLength(0);
  });

  it.each([
    ['a 200 with empty values', 'empty'],
    ['a 404', 'not_found'],
  ] as const)('says when no spend limit is set, the API answering %s', async (_, answer) => {
    h.openai.state.absentSettingsAnswer = answer;
    h.openai.state.addProject({ name: 'Alpha' });
    for (const scope of ['--project Alpha', '']) {
      const text = messageText(await h.ask(`spend-limit show ${scope}`.trim()));
      expect(text).toContain(`No spend limit is set for ${scope ? 'project Alpha' : 'the organization'}`);
      expect(text).not.toContain('$0.00');
    }
  });

  it('shows a limit in dollars and whether it is enforcing', async () => {
    h.openai.state.setSpendLimit({ thresholdAmount: 100 });
    h.openai.state.addCost({ day: h.openai.state.now, amount: 5 });
    const text = messageText(await h.ask('spend-limit show'));
    expect(text).toContain('Spend limit of the organization: $1.00 a month');
    expect(text).toContain('Enforcing');
  });

  it('sets a project limit after approval, warning that traffic stops, with the amount in cents', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    h.openai.state.setSpendLimit({ projectId: alpha.id, thresholdAmount: 100_000 });
    const { cardText } = await approveCommand(h, 'spend-limit set $2,500 --project Alpha');
    expect(cardText).toContain('Limit now: $1,000.00 a month; after: $2,500.00 a month.');
    expect(cardText).toContain('OpenAI stops serving API requests for this project');
    expect(writes()).toEqual([
      {
        call: `POST /organization/projects/${alpha.id}/spend_limit`,
        body: { threshold_amount: 250_000, currency: 'USD', interval: 'month' },
      },
    ]);
  });

  it('removes the organization limit after approval with one DELETE', async () => {
    h.openai.state.setSpendLimit({ thresholdAmount: 900_000 });
    const { cardText } = await approveCommand(h, 'spend-limit remove');
    expect(cardText).toContain('Limit now: $9,000.00 a month; after: none, spend is not capped.');
    expect(writes()).toEqual([{ call: 'DELETE /organization/spend_limit', body: undefined }]);
    expect(h.openai.state.orgSpendLimit).toBeNull();
  });
});
