import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent, sessionActor } from '../../src/playground/openai-org/state/audit-events.js';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { FakeSlack, type SlackCall } from '../helpers/fake-slack.js';
import { ADMIN_KEY, type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

const SECURITY = 'CSECURITY';
const OPS = 'COPS';

describe('audit watch through the real app', () => {
  let slack: FakeSlack;
  let openai: FakeAdminApi;
  const databaseUrl = `sqlite:${join(mkdtempSync(join(tmpdir(), 'openai-bot-watch-')), 'bot.db')}`;
  const bots: Harness[] = [];
  const start = async () => {
    const h = await startHarness({
      slack,
      openai,
      env: { DATABASE_URL: databaseUrl },
      start: { watchTimer: false, watchPaceMs: 0, grantTimer: false },
    });
    bots.push(h);
    return h;
  };
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
  });
  afterAll(async () => {
    for (const h of bots) await h.close();
    await openai.close();
    await slack.close();
  });

  const postsIn = (channel: string, since: number): SlackCall[] =>
    slack.calls.slice(since).filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
  const ann = { id: 'user-ann', email: 'ann@x.com' };
  const event = (type: string, payload: Record<string, unknown> = {}) =>
    appendAuditEvent(openai.state, { type, payload, actor: sessionActor(ann) });
  const subscribe = async (h: Harness, text: string, channelId: string) => {
    const sent = await h.command(`watch subscribe ${text}`, USERS.admin, { channelId });
    return messageText(await slack.waitForResponse(sent.responseId));
  };

  it('posts a new api_key.created once, not again after a restart, and not an unwatched or unsubscribed type', async () => {
    let h = await start();
    event('api_key.created', { id: 'key_before' });
    const reply = await subscribe(h, '--type api_key.created --type service_account.*', SECURITY);
    expect(reply).toContain('This channel now hears about new audit-log events: api_key.created, service_account.');
    const ops = await subscribe(h, '', OPS);
    expect(ops).toContain('the security set');
    const watchId = /watch unsubscribe (watch_[a-f0-9]+)/.exec(ops)?.[1] as string;

    const seen = slack.calls.length;
    const created = event('api_key.created', { id: 'key_new', data: { scopes: [] } });
    event('project.created', { id: 'proj_new' });
    const login = event('login.succeeded');
    await h.bot.container.watch.tick();
    const security = postsIn(SECURITY, seen).map(messageText);
    expect(security).toHaveLength(1);
    expect(security[0]).toContain('api_key.created');
    expect(security[0]).toContain('ann@x.com');
    expect(security[0]).toContain(created.id);
    expect(security[0]).not.toContain('key_before');
    expect(security[0]).not.toContain('project.created');
    expect(postsIn(OPS, seen).map(messageText).join('\n')).toContain(created.id);
    expect(slack.calls.slice(seen).some((c) => messageText(c).includes(login.id))).toBe(false);

    await h.bot.container.watch.tick();
    await h.close();
    h = await start();
    await h.bot.container.watch.tick();
    expect(postsIn(SECURITY, seen)).toHaveLength(1);

    const stop = await h.command(`watch unsubscribe ${watchId}`, USERS.admin, { channelId: OPS });
    expect(messageText(await slack.waitForResponse(stop.responseId))).toContain(`Stopped audit watch ${watchId}.`);
    const later = slack.calls.length;
    const second = event('api_key.created', { id: 'key_later' });
    event('service_account.created', { id: 'svc_1' });
    await h.bot.container.watch.tick();
    expect(postsIn(OPS, later)).toHaveLength(0);
    const text = postsIn(SECURITY, later).map(messageText).join('\n');
    expect(text).toContain(second.id);
    expect(text).toContain('service_account.created');
  });

  it('catches up after downtime with a bounded number of posts and says how many it folded', async () => {
    const h = bots.at(-1) as Harness;
    const seen = slack.calls.length;
    for (let i = 0; i < 130; i++) event('api_key.created', { id: `key_${i}` });
    await h.bot.container.watch.tick();
    const posts = postsIn(SECURITY, seen).map(messageText);
    expect(posts).toHaveLength(6);
    expect(
      posts
        .slice(0, 5)
        .join('\n')
        .match(/• |api_key\.created/g)?.length,
    ).toBeGreaterThanOrEqual(100);
    expect(posts[5]).toContain('…and 30 more matching audit events were folded');
    expect(posts[5]).toContain('api_key.created ×30');
  });

  it('two replicas polling at once post each event once', async () => {
    const [a, b] = [bots.at(-1) as Harness, await start()];
    const seen = slack.calls.length;
    const events = Array.from({ length: 7 }, (_, i) => event('service_account.deleted', { id: `svc_gone_${i}` }));
    await Promise.all([a.bot.container.watch.tick(), b.bot.container.watch.tick(), a.bot.container.watch.tick()]);
    await Promise.all([a.bot.container.watch.tick(), b.bot.container.watch.tick()]);
    const text = postsIn(SECURITY, seen).map(messageText).join('\n');
    for (const e of events) expect(text.split(e.id).length - 1).toBe(1);
  });

  it('mutes a type for a channel: the rest of the security set still arrives', async () => {
    const h = bots.at(-1) as Harness;
    const reply = await subscribe(h, '--mute user.*', 'CQUIET');
    expect(reply).toContain('the security set, all but user.');
    const seen = slack.calls.length;
    const removed = event('user.deleted', { id: 'user-gone' });
    const created = event('api_key.created', { id: 'key_quiet' });
    await h.bot.container.watch.tick();
    const text = postsIn('CQUIET', seen).map(messageText).join('\n');
    expect(text).toContain(created.id);
    expect(text).not.toContain(removed.id);
  });

  it('refuses a bad type with a specific message, changing nothing', async () => {
    const h = bots.at(-1) as Harness;
    const before = (await h.bot.container.store.watches.listWatches()).length;
    expect(await subscribe(h, '--type "not a type"', SECURITY)).toContain('"not a type" is not an event type');
    expect(await subscribe(h, '--type tenant.group.created', SECURITY)).toContain(
      'Tenant-scoped events cannot be watched',
    );
    expect((await h.bot.container.store.watches.listWatches()).length).toBe(before);
  });
});
