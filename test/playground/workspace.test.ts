import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlaygroundServer, startPlaygroundServer } from '../../src/playground/console/server.js';
import { escapeCommandText } from '../../src/playground/interactions/slash-text.js';
import { type BotEndpoint, UserActions } from '../../src/playground/interactions/user-actions.js';
import { applyViewAnswer } from '../../src/playground/interactions/view-answer.js';
import { Workspace } from '../../src/playground/workspace/workspace.js';

const TOKEN = 'xoxb-workspace-test';
let workspace: Workspace;
let server: PlaygroundServer;

const call = async (method: string, args: Record<string, unknown>, token = TOKEN) => {
  const response = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(args),
  });
  return (await response.json()) as Record<string, unknown> & { ok: boolean; error?: string };
};
const postTo = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const visible = (channel: string) => workspace.messages.all().filter((m) => m.channel === channel);

beforeAll(async () => {
  workspace = new Workspace();
  const actions = new UserActions(workspace, new Promise<BotEndpoint>(() => undefined));
  server = await startPlaygroundServer(0, {
    workspace,
    botToken: TOKEN,
    actions,
    bundle: Promise.resolve({ js: '', css: '' }),
    hello: () => ({}),
  });
  workspace.baseUrl = server.url;
});

afterAll(() => server.close());

describe('the emulated Slack workspace', () => {
  it('answers only the bot token, as Slack answers invalid_auth', async () => {
    expect(await call('auth.test', {}, 'xoxb-someone-else')).toMatchObject({ ok: false, error: 'invalid_auth' });
    expect(await call('auth.test', {})).toMatchObject({ ok: true, user_id: 'UPLAYBOT' });
  });

  it('delivers a message sent to a user id in their direct conversation, the one conversations.open names', async () => {
    const posted = await call('chat.postMessage', { channel: 'UPLAYAPPR1', text: 'hello' });
    const opened = await call('conversations.open', { users: 'UPLAYAPPR1' });
    expect(posted.channel).toBe((opened.channel as { id: string }).id);
    expect(await call('chat.postMessage', { channel: 'CNOWHERE', text: 'x' })).toMatchObject({
      error: 'channel_not_found',
    });
  });

  it('applies response URL posts as Slack does: replace, delete, in channel, and at most five', async () => {
    const url = workspace.newResponseUrl({
      channel: 'CPLAYOPS',
      userId: 'UPLAYADMIN',
      command: '/openai spend',
      original: undefined,
    });
    await postTo(url, { text: 'Working on it…' });
    await postTo(url, { text: 'Here it is', replace_original: true });
    const privately = visible('CPLAYOPS').filter((m) => m.visibleTo === 'UPLAYADMIN');
    expect(privately.map((m) => m.text)).toEqual(['Here it is']);
    await postTo(url, { delete_original: true });
    await postTo(url, { text: 'For everyone', response_type: 'in_channel' });
    const shown = visible('CPLAYOPS');
    expect(shown.map((m) => [m.text, m.visibleTo, m.command])).toEqual([['For everyone', undefined, '/openai spend']]);
    expect((await postTo(url, { text: 'sixth' })).status).toBe(200);
    expect((await postTo(url, { text: 'seventh' })).status).toBe(404);
  });

  it('opens a modal only with a fresh trigger and refuses an update with a stale hash', async () => {
    const view = { type: 'modal', title: { type: 'plain_text', text: 'Form' }, blocks: [] };
    expect(await call('views.open', { trigger_id: 'made-up', view })).toMatchObject({ error: 'expired_trigger_id' });
    const opened = await call('views.open', { trigger_id: workspace.newTrigger('UPLAYADMIN'), view });
    const { id, hash } = opened.view as { id: string; hash: string };
    expect(await call('views.update', { view_id: id, hash, view })).toMatchObject({ ok: true });
    expect(await call('views.update', { view_id: id, hash, view })).toMatchObject({ error: 'hash_conflict' });
  });

  it('shares an uploaded file in a thread and serves its bytes', async () => {
    const parent = await call('chat.postMessage', { channel: 'CPLAYOPS', text: 'digest' });
    const upload = await call('files.getUploadURLExternal', { filename: 'chart.png', length: 4, alt_text: 'A chart' });
    expect(await call('files.completeUploadExternal', { files: [{ id: upload.file_id }] })).toMatchObject({
      error: 'file_not_found',
    });
    await fetch(String(upload.upload_url), { method: 'POST', body: new Uint8Array([137, 80, 78, 71]) });
    const done = await call('files.completeUploadExternal', {
      files: JSON.stringify([{ id: upload.file_id, title: 'Chart' }]),
      channel_id: 'CPLAYOPS',
      thread_ts: parent.ts,
    });
    expect(done.ok).toBe(true);
    const reply = visible('CPLAYOPS').find((m) => m.threadTs === parent.ts);
    expect(reply?.files.map((f) => [f.altText, f.mimetype])).toEqual([['A chart', 'image/png']]);
    const served = await fetch(`${server.url}${reply?.files[0]?.url}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
  });

  it('shows a submission’s errors inline, and closes the view on an empty acknowledgement', async () => {
    const { record } = workspace.views.open('UPLAYVIEW', { type: 'modal', title: { type: 'plain_text', text: 'F' } });
    applyViewAnswer(workspace, record, { response_action: 'errors', errors: { email: 'Not an email.' } });
    expect(workspace.views.get(record.id)?.errors).toEqual({ email: 'Not an email.' });
    applyViewAnswer(workspace, record, undefined);
    expect(workspace.views.get(record.id)).toBeUndefined();
  });

  it('sends command text escaped and linked as Slack does with escaping on', () => {
    expect(escapeCommandText('invite bob@example.com reader')).toBe(
      'invite <mailto:bob@example.com|bob@example.com> reader',
    );
    expect(escapeCommandText('users role @grace owner in #ops <!channel> & co')).toBe(
      'users role <@UPLAYAPPR1|grace> owner in <#CPLAYOPS|ops> &lt;!channel&gt; &amp; co',
    );
  });
});
