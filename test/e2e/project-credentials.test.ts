import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitForState } from '../helpers/approval-outcome.js';
import { approve, requestApproval } from '../helpers/approvals.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

describe('service accounts and project API keys through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const writes = () => h.openai.requests.filter((r) => r.method !== 'GET');

  /** A project with a user key (Alice's) and a service account with its key. */
  const seedProject = () => {
    const project = h.openai.state.addProject({ name: 'Payments' });
    const alice = h.openai.state.addUser({ email: 'alice@x.com', name: 'Alice' });
    h.openai.state.addProjectUser(project.id, { userId: alice.id });
    const userKey = h.openai.state.addProjectApiKey(project.id, {
      userId: alice.id,
      name: 'laptop',
      lastUsedAt: 1_767_225_600,
    });
    const { serviceAccount, apiKey } = h.openai.state.addServiceAccount(project.id, { name: 'ci-bot' });
    return { project, alice, userKey, serviceAccount, saKey: apiKey! };
  };

  describe('service accounts', () => {
    it('lists the service accounts of a project given by name', async () => {
      const { project, serviceAccount } = seedProject();
      const reply = await h.ask('service-accounts list Payments');
      expect(h.openai.requests.at(-1)?.path).toBe(`/organization/projects/${project.id}/service_accounts`);
      const text = messageText(reply);
      expect(text).toContain('1 service account in Payments');
      expect(text).toContain(serviceAccount.id);
      expect(text).toContain('ci-bot');
    });

    it('creates one with a name and reports its ids, not its key', async () => {
      const project = h.openai.state.addProject({ name: 'Payments' });
      const reply = await h.ask('service-accounts create Payments "deploy bot"');
      expect(writes()).toHaveLength(1);
      expect(writes()[0]).toMatchObject({
        method: 'POST',
        path: `/organization/projects/${project.id}/service_accounts`,
        body: { name: 'deploy bot' },
      });
      const text = messageText(reply);
      expect(text).toContain('Created service account "deploy bot" in Payments.');
      expect(text).toMatch(/API key id: key_\d+/);
      expect(text).toContain('direct message');
    });

    it('refuses to create one in an archived project before calling OpenAI', async () => {
      h.openai.state.addProject({ name: 'Old', archived: true });
      expect(messageText(await h.ask('service-accounts create Old x'))).toContain('Project Old is archived');
      expect(writes()).toHaveLength(0);
    });

    it('deletes one by name only after approval, the card naming the keys that stop working', async () => {
      const { project, serviceAccount, saKey } = seedProject();
      const { card, id } = await requestApproval(h, 'service-accounts delete Payments ci-bot');
      const cardText = messageText(card);
      expect(cardText).toContain(`Delete service account "ci-bot" (${serviceAccount.id})`);
      expect(cardText).toContain(`Its API keys stop working at once: ${saKey.id}`);
      expect(writes()).toHaveLength(0);
      await approve(h, card, USERS.approver);
      await waitForState(h, id, 'succeeded');
      expect(writes()).toEqual([
        expect.objectContaining({
          method: 'DELETE',
          path: `/organization/projects/${project.id}/service_accounts/${serviceAccount.id}`,
        }),
      ]);
      expect(project.apiKeys.has(saKey.id)).toBe(false);
    });

    it('says which service account is meant when none matches', async () => {
      seedProject();
      expect(messageText(await h.ask('service-accounts delete Payments nobody'))).toContain(
        'No service account in this project is named "nobody"',
      );
    });
  });

  describe('project API keys', () => {
    it('lists every enabled key with owner, redacted value and last use, asking for owner_project_access=any', async () => {
      const { project, userKey, saKey } = seedProject();
      const reply = await h.ask(`api-keys list ${project.id}`);
      const listCall = h.openai.requests.find((r) => r.path === `/organization/projects/${project.id}/api_keys`);
      expect(listCall?.query.get('owner_project_access')).toBe('any');
      const text = messageText(reply);
      expect(text).toContain('2 API keys in Payments');
      expect(text).toContain('alice@x.com');
      expect(text).toContain('service account ci-bot');
      expect(text).toContain('last used 2026-01-01');
      expect(text).toContain('never used');
      expect(text).toContain(`${userKey.value.slice(0, 8)}...${userKey.value.slice(-3)}`);
      expect(text).not.toContain(userKey.value);
      expect(text).not.toContain(saKey.value);
    });

    it('shows one key', async () => {
      const { userKey } = seedProject();
      const text = messageText(await h.ask(`api-keys show Payments ${userKey.id}`));
      expect(text).toContain(`Key id: ${userKey.id}`);
      expect(text).toContain('Owner: alice@x.com');
      expect(text).not.toContain(userKey.value);
    });

    it("deletes a user's key after approval", async () => {
      const { project, userKey } = seedProject();
      const { card, id } = await requestApproval(h, `api-keys delete Payments ${userKey.id}`);
      expect(messageText(card)).toContain(`(${userKey.id}) of alice@x.com in project Payments`);
      expect(messageText(card)).toContain('cannot be undone');
      await approve(h, card, USERS.approver);
      await waitForState(h, id, 'succeeded');
      expect(writes()).toEqual([
        expect.objectContaining({
          method: 'DELETE',
          path: `/organization/projects/${project.id}/api_keys/${userKey.id}`,
        }),
      ]);
    });

    it("refuses up front to delete a service account's key, pointing at the service account", async () => {
      const { serviceAccount, saKey } = seedProject();
      await h.bot.container.inFlight.drain(5_000);
      const before = h.slack.callsTo('chat.postMessage').length;
      const text = messageText(await h.ask(`api-keys delete Payments ${saKey.id}`));
      expect(text).toContain(`belongs to service account "ci-bot" (${serviceAccount.id})`);
      expect(text).toContain(`service-accounts delete`);
      expect(writes()).toHaveLength(0);
      expect(h.slack.callsTo('chat.postMessage')).toHaveLength(before);
    });
  });
});
