import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeCalls, writesTo } from '../helpers/approval-outcome.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { clickButton } from '../helpers/interactions.js';
import { USERS } from '../helpers/policy.js';

describe('service accounts: renaming and extra keys through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const seed = () => {
    const project = h.openai.state.addProject({ name: 'Payments' });
    const { serviceAccount } = h.openai.state.addServiceAccount(project.id, { name: 'ci-bot' });
    return { project, serviceAccount };
  };

  it('renames a service account found by name and sends only the new name', async () => {
    const { project, serviceAccount } = seed();
    const text = messageText(await h.ask('service-accounts rename Payments CI-BOT "deploy bot"'));
    expect(writeCalls(h)).toEqual([
      {
        call: `POST /organization/projects/${project.id}/service_accounts/${serviceAccount.id}`,
        body: { name: 'deploy bot' },
      },
    ]);
    expect(text).toContain(`Renamed service account "ci-bot" (${serviceAccount.id}) to "deploy bot" in Payments.`);
    expect(h.openai.state.projects.get(project.id)?.serviceAccounts.get(serviceAccount.id)?.name).toBe('deploy bot');
  });

  it.each([
    ['service-accounts rename Payments nobody x', 'No service account in this project is named "nobody"'],
    ['service-accounts rename Payments ci-bot ci-bot', 'already has that name; nothing to change.'],
    ['service-accounts rename Payments ci-bot', 'Missing <new name>.'],
    ['service-accounts add-key Payments nobody', 'No service account in this project is named "nobody"'],
    ['service-accounts add-key Old ci-bot', 'Project Old is archived'],
  ])('answers "%s" with a specific message and changes nothing', async (command, message) => {
    seed();
    h.openai.state.addProject({ name: 'Old', archived: true });
    expect(messageText(await h.ask(command))).toContain(message);
    expect(writesTo(h)).toHaveLength(0);
  });

  it('adds a key whose value reaches the requester once, through the reveal button alone', async () => {
    const { project, serviceAccount } = seed();
    const start = h.slack.mark();
    const reply = messageText(await h.ask('service-accounts add-key Payments ci-bot --name rotation-2027'));
    const keys = [...(h.openai.state.projects.get(project.id)?.apiKeys.values() ?? [])];
    const created = keys.find((k) => k.name === 'rotation-2027');
    if (!created) throw new Error('no key was created');
    expect(created.owner).toEqual({ type: 'service_account', serviceAccountId: serviceAccount.id });
    expect(writeCalls(h)).toEqual([
      {
        call: `POST /organization/projects/${project.id}/service_accounts/${serviceAccount.id}/api_keys`,
        body: { name: 'rotation-2027' },
      },
    ]);
    expect(reply).toContain(`Created API key ${created.id} for service account "ci-bot"`);
    expect(reply).toContain('Reveal button works once');

    const offer = await h.slack.waitFor(
      start,
      (c) =>
        c.method === 'chat.postMessage' &&
        c.body.channel === USERS.admin &&
        JSON.stringify(c.body).includes('secret.reveal'),
    );
    const blocks = offer.body.blocks as { elements?: { action_id: string; value: string }[] }[];
    const secretId = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'secret.reveal')?.value ?? '';
    const before = h.slack.mark();
    await clickButton(h, {
      actionId: 'secret.reveal',
      value: secretId,
      userId: USERS.admin,
      channelId: `D${USERS.admin}`,
    });
    const shown = await h.slack.waitFor(
      before,
      (c) => c.method === 'views.update' && JSON.stringify(c.body.view).includes(created.value),
    );
    const elsewhere = JSON.stringify(h.slack.calls.filter((c) => c !== shown).map((c) => c.body));
    expect(elsewhere).not.toContain(created.value);
    expect(h.logs.join('\n')).not.toContain(created.value);
    expect(JSON.stringify(await h.bot.container.store.listAudit({ limit: 1000 }))).not.toContain(created.value);
  });
});
