import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approve, requestApproval } from '../helpers/approvals.js';
import type { SlackCall, SlackMark } from '../helpers/fake-slack.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { clickButton } from '../helpers/interactions.js';
import { USERS } from '../helpers/policy.js';

describe('new key values are shown once, to the requester only', () => {
  let h: Harness;
  let dir: string;
  let dbFile: string;
  let clockOffsetMs = 0;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'openai-bot-secrets-'));
    dbFile = join(dir, 'bot.db');
    h = await startHarness({
      env: { DATABASE_URL: `sqlite:${dbFile}` },
      start: { now: () => new Date(Date.now() + clockOffsetMs) },
    });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    h.openai.reset();
    clockOffsetMs = 0;
    await h.bot.container.store.purgeSecrets(Number.MAX_SAFE_INTEGER);
  });

  const settled = async (id: string) => {
    for (let i = 0; i < 200; i++) {
      const row = await h.bot.container.store.get(id);
      if (row && ['succeeded', 'failed'].includes(row.state)) return row;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`request ${id} never finished`);
  };

  /** Every row of every table of the bot's database, as JSON. */
  const databaseDump = (): { text: string; pendingSecrets: number } => {
    const db = new Database(dbFile, { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      expect(tables.map((t) => t.name)).toContain('pending_secrets');
      const dump = Object.fromEntries(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}"`).all()]));
      return { text: JSON.stringify(dump), pendingSecrets: (dump.pending_secrets as unknown[]).length };
    } finally {
      db.close();
    }
  };

  /** Fails when the value, or a long piece of it, appears in Slack traffic, logs, the database or the audit trail. */
  const expectNowhere = async (value: string, allowed: SlackCall[] = []) => {
    const pieces = [value, value.slice(12, 36), value.slice(-24)];
    const slack = JSON.stringify(h.slack.calls.filter((c) => !allowed.includes(c)).map((c) => c.body));
    const logs = h.logs.join('\n');
    const audit = JSON.stringify(await h.bot.container.store.listAudit({ limit: 10_000 }));
    const { text: database } = databaseDump();
    for (const piece of pieces) {
      expect(slack).not.toContain(piece);
      expect(logs).not.toContain(piece);
      expect(audit).not.toContain(piece);
      expect(database).not.toContain(piece);
    }
  };

  /** The Reveal offer sent to `userId` in a direct message, and the secret id its button carries. */
  const offerTo = async (userId: string, after: SlackMark) => {
    const offer = await h.slack.waitFor(
      after,
      (c) =>
        c.method === 'chat.postMessage' &&
        c.body.channel === userId &&
        JSON.stringify(c.body.blocks).includes('"action_id":"secret.reveal"'),
    );
    const blocks = offer.body.blocks as { elements?: { action_id: string; value: string }[] }[];
    const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'secret.reveal');
    return { offer, secretId: button?.value ?? '' };
  };

  const reveal = (userId: string, secretId: string) =>
    clickButton(h, { actionId: 'secret.reveal', value: secretId, userId, channelId: `D${userId}` });

  /** A reveal window filled with a key value: it opens empty with the click's trigger and is filled once taken. */
  const isKeyShown = (c: SlackCall) =>
    c.method === 'views.update' &&
    (c.body.view as { callback_id?: string }).callback_id === 'secret.view' &&
    JSON.stringify(c.body.view).includes('only time it is shown');

  const revealModal = (after: SlackMark) => h.slack.waitFor(after, isKeyShown);

  const noteOf = (responseId: string) => h.slack.waitForResponse(responseId);

  const serviceAccountKey = (projectId: string) => {
    const key = [...(h.openai.state.projects.get(projectId)?.apiKeys.values() ?? [])].find(
      (k) => k.owner.type === 'service_account',
    );
    if (!key) throw new Error('no service-account key was created');
    return key;
  };

  it('service-accounts create: the key reaches only the reveal modal, opened once by the requester', async () => {
    const project = h.openai.state.addProject({ name: 'Payments' });
    const start = h.slack.mark();
    const reply = await h.ask('service-accounts create Payments deployer');
    const key = serviceAccountKey(project.id);
    expect(messageText(reply)).toContain(`API key id: ${key.id}`);
    const { offer, secretId } = await offerTo(USERS.admin, start);
    expect(secretId).toMatch(/^sec_[0-9a-f]{32}$/);
    expect(messageText(offer)).toContain(key.id);
    expect(databaseDump().pendingSecrets).toBe(1);
    await expectNowhere(key.value);

    const before = h.slack.mark();
    const click = await reveal(USERS.admin, secretId);
    expect(click.status).toBe(200);
    const modal = await revealModal(before);
    expect(JSON.stringify(modal.body.view)).toContain(key.value);
    expect(JSON.stringify(modal.body.view)).toContain('only time it is shown');
    const tidied = await noteOf(click.responseId);
    expect(tidied.body.replace_original).toBe(true);
    expect(messageText(tidied)).toContain('was revealed and is no longer kept by the bot');
    expect(databaseDump().pendingSecrets).toBe(0);
    await expectNowhere(key.value, [modal]);
  });

  it('admin-keys create: approved by someone else, created once, revealed by the requester alone', async () => {
    const start = h.slack.mark();
    const { card, id } = await requestApproval(h, 'admin-keys create deploy-pipeline --expires-in 30d');
    expect(h.openai.state.adminKeys.size).toBe(1);
    await approve(h, card, USERS.approver);
    const { secretId } = await offerTo(USERS.admin, start);
    const creates = h.openai.requests.filter((r) => r.method === 'POST' && r.path === '/organization/admin_api_keys');
    expect(creates.map((r) => r.body)).toEqual([{ name: 'deploy-pipeline', expires_in_seconds: 30 * 86_400 }]);
    const created = [...h.openai.state.adminKeys.values()].find((k) => k.id !== 'key_bot');
    if (!created) throw new Error('no admin key was created');
    const request = await settled(id);
    expect(request.state).toBe('succeeded');
    expect(JSON.stringify(request.result)).toContain(created.id);
    expect(h.slack.callsTo('chat.postMessage').some((c) => c.body.channel === USERS.approver)).toBe(false);
    await expectNowhere(created.value);

    const refused = await reveal(USERS.approver, secretId);
    expect(messageText(await noteOf(refused.responseId))).toContain('can no longer be revealed');
    const before = h.slack.mark();
    await reveal(USERS.admin, secretId);
    const modal = await revealModal(before);
    expect(JSON.stringify(modal.body.view)).toContain(created.value);
    await expectNowhere(created.value, [modal]);
  });

  it('reveals once for its owner: another user is refused without using it up, a second click is refused', async () => {
    h.openai.state.addProject({ name: 'Payments' });
    const start = h.slack.mark();
    await h.ask('service-accounts create Payments twice');
    const { secretId } = await offerTo(USERS.admin, start);

    const stranger = await reveal(USERS.admin2, secretId);
    expect(messageText(await noteOf(stranger.responseId))).toContain('can no longer be revealed');
    expect(databaseDump().pendingSecrets).toBe(1);

    const before = h.slack.mark();
    await reveal(USERS.admin, secretId);
    await revealModal(before);
    const again = await reveal(USERS.admin, secretId);
    expect(messageText(await noteOf(again.responseId))).toContain('it was already revealed');
    expect(h.slack.callsSince(before).filter(isKeyShown)).toHaveLength(1);
  });

  /** The reveal window's content as shown (opened or filled in later) after call `after`, holding `value`. */
  const shownWith = (after: SlackMark, value: string) =>
    h.slack.waitFor(
      after,
      (c) =>
        (c.method === 'views.open' || c.method === 'views.update') &&
        c.answeredAt !== undefined &&
        JSON.stringify(c.body.view).includes(value),
    );

  it('keeps the key when Slack cannot open the reveal window, so a later click still shows it', async () => {
    const project = h.openai.state.addProject({ name: 'Payments' });
    const start = h.slack.mark();
    await h.ask('service-accounts create Payments expired-trigger');
    const { secretId } = await offerTo(USERS.admin, start);
    const key = serviceAccountKey(project.id);

    h.slack.failNext('views.open', 'expired_trigger_id');
    const first = await reveal(USERS.admin, secretId);
    expect(messageText(await noteOf(first.responseId))).toContain('still kept');
    expect(databaseDump().pendingSecrets).toBe(1);

    const before = h.slack.mark();
    await reveal(USERS.admin, secretId);
    const shown = await shownWith(before, key.value);
    expect((shown.body.view as { callback_id?: string }).callback_id).toBe('secret.view');
    expect(databaseDump().pendingSecrets).toBe(0);
  });

  it('keeps the key when the opened window cannot be filled with it', async () => {
    const project = h.openai.state.addProject({ name: 'Payments' });
    const start = h.slack.mark();
    await h.ask('service-accounts create Payments closed-window');
    const { secretId } = await offerTo(USERS.admin, start);
    const key = serviceAccountKey(project.id);

    h.slack.failNext('views.update', 'not_found');
    const first = await reveal(USERS.admin, secretId);
    expect(messageText(await noteOf(first.responseId))).toContain('still kept');
    expect(databaseDump().pendingSecrets).toBe(1);

    const before = h.slack.mark();
    await reveal(USERS.admin, secretId);
    await shownWith(before, key.value);
    expect(databaseDump().pendingSecrets).toBe(0);
  });

  it('refuses after 15 minutes, and the sweeper deletes keys nobody revealed', async () => {
    h.openai.state.addProject({ name: 'Payments' });
    let start = h.slack.mark();
    await h.ask('service-accounts create Payments late');
    const { secretId: late } = await offerTo(USERS.admin, start);
    start = h.slack.mark();
    await h.ask('service-accounts create Payments forgotten');
    await offerTo(USERS.admin, start);
    expect(databaseDump().pendingSecrets).toBe(2);

    clockOffsetMs = 15 * 60_000 + 1_000;
    const before = h.slack.mark();
    const click = await reveal(USERS.admin, late);
    expect(messageText(await noteOf(click.responseId))).toContain('its 15 minutes ran out');
    expect(h.slack.callsSince(before).some(isKeyShown)).toBe(false);
    expect(databaseDump().pendingSecrets).toBe(1);
    await h.bot.container.sweeper.sweep();
    expect(databaseDump().pendingSecrets).toBe(0);
  });

  it('tells the requester when the direct message could not be sent, keeping nothing', async () => {
    h.openai.state.addProject({ name: 'Payments' });
    h.slack.failNext('chat.postMessage', 'channel_not_found');
    const reply = await h.ask('service-accounts create Payments unlucky');
    expect(messageText(reply)).toContain('could not be sent, so the value is lost');
    expect(databaseDump().pendingSecrets).toBe(0);
  });
});
