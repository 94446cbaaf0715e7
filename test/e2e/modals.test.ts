import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestIdOf } from '../helpers/approvals.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { submitView } from '../helpers/interactions.js';
import { APPROVAL_CHANNEL, USERS } from '../helpers/policy.js';
import { type OpenView, pickInView, typeInSelect } from '../helpers/view-interactions.js';

type Block = { type: string; block_id?: string; element?: { type: string; action_id: string; options?: unknown[] } };

const metadata = (operation: string) => JSON.stringify({ operation, channelId: 'COPS' });
const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
const email = (value: string) => ({ value: { type: 'email_text_input', value } });
const select = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });
const projects = (...ids: string[]) => ({
  'suggest.project': { type: 'multi_external_select', selected_options: ids.map((value) => ({ value })) },
});
const project = (id: string) => ({ 'suggest.project': { type: 'external_select', selected_option: { value: id } } });

describe('modals through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.openai.reset();
    h.slack.calls.length = 0;
  });

  const submit = (operation: string, values: Record<string, Record<string, unknown>>, userId: string = USERS.admin) =>
    submitView(h, { callbackId: 'operation.view', userId, privateMetadata: metadata(operation), values });
  const writes = () => h.openai.requests.filter((r) => r.method !== 'GET');

  it('opens the picker for /openai alone, then swaps in the chosen form with views.update', async () => {
    const mark = h.slack.mark();
    const sent = await h.command('', USERS.admin);
    expect(sent.status).toBe(200);
    const opened = await h.slack.waitFor(mark, (c) => c.method === 'views.open');
    expect(opened.body.trigger_id).toBe('111.222.abc');
    const picker = opened.body.view as { callback_id: string; private_metadata: string; blocks: Block[] };
    expect(picker.callback_id).toBe('picker.view');
    const view: OpenView = {
      id: 'VPICK',
      hash: 'hash-1',
      privateMetadata: picker.private_metadata,
      callbackId: 'picker.view',
    };
    const pick = {
      userId: USERS.admin,
      view,
      actionId: 'picker.operation',
      blockId: 'picker',
      value: 'invites.create',
    };
    const picked = h.slack.mark();
    expect((await pickInView(h, pick)).status).toBe(200);
    const updated = await h.slack.waitFor(picked, (c) => c.method === 'views.update');
    expect(updated.body.view_id).toBe('VPICK');
    expect(updated.body.hash).toBe('hash-1');
    const form = updated.body.view as { callback_id: string; private_metadata: string; blocks: Block[] };
    expect(form.callback_id).toBe('operation.view');
    expect(JSON.parse(form.private_metadata)).toEqual({ operation: 'invites.create', channelId: 'COPS' });
    const element = (id: string) => form.blocks.find((b) => b.block_id === id)?.element;
    expect(element('email')?.type).toBe('email_text_input');
    expect(element('role')?.type).toBe('static_select');
    expect(element('role')?.options).toHaveLength(2);
    expect(element('project')).toMatchObject({ type: 'multi_external_select', action_id: 'suggest.project' });
    expect(h.openai.requests).toHaveLength(0);
  });

  it('suggests active projects matching what is typed, by name or id', async () => {
    const research = h.openai.state.addProject({ name: 'Research' });
    const rewrite = h.openai.state.addProject({ name: 'Rewrite' });
    h.openai.state.addProject({ name: 'Marketing' });
    h.openai.state.addProject({ name: 'Research Archive', archived: true });
    const answer = await typeInSelect(h, {
      userId: USERS.viewer,
      actionId: 'suggest.project',
      blockId: 'project',
      value: 'RE',
    });
    expect(answer.status).toBe(200);
    expect(answer.options.map((o) => o.value)).toEqual([research.id, rewrite.id]);
    expect(answer.options[0]?.text.text).toBe(`Research · ${research.id}`);
    const byId = await typeInSelect(h, {
      userId: USERS.viewer,
      actionId: 'suggest.project',
      blockId: 'project',
      value: rewrite.id,
    });
    expect(byId.options.map((o) => o.value)).toEqual([rewrite.id]);
  });

  it('suggests members by name or email, and nothing to someone the policy does not name', async () => {
    h.openai.state.addUser({ email: 'alice@x.com', name: 'Alice Liddell' });
    h.openai.state.addUser({ email: 'bob@x.com', name: 'Bob' });
    const typed = { actionId: 'suggest.user', blockId: 'user', value: 'lidd' };
    const answer = await typeInSelect(h, { ...typed, userId: USERS.admin });
    expect(answer.options).toEqual([
      { text: { type: 'plain_text', text: 'Alice Liddell <alice@x.com>', emoji: false }, value: 'alice@x.com' },
    ]);
    const refused = await typeInSelect(h, { ...typed, userId: USERS.stranger });
    expect(refused.status).toBe(200);
    expect(refused.options).toEqual([]);
  });

  it('runs a valid invite form through the same path as the command and reports privately', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const beta = h.openai.state.addProject({ name: 'Beta' });
    const mark = h.slack.mark();
    const answer = await submit('invites.create', {
      email: email('Dave@X.com'),
      role: select('owner'),
      project: projects(alpha.id, beta.id),
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
    const told = await h.slack.waitFor(mark, (c) => c.method === 'chat.postEphemeral');
    expect(told.body).toMatchObject({ channel: 'COPS', user: USERS.admin });
    expect(messageText(told)).toContain('Invited dave@x.com as owner');
    expect(writes().map((r) => r.body)).toEqual([
      {
        email: 'dave@x.com',
        role: 'owner',
        projects: [
          { id: alpha.id, role: 'member' },
          { id: beta.id, role: 'member' },
        ],
      },
    ]);
  });

  it('shows invalid input inline on the field and changes nothing', async () => {
    const answer = await submit('invites.create', { email: email('not-an-email'), role: select('admin') });
    expect(JSON.parse(answer.text)).toEqual({
      response_action: 'errors',
      errors: {
        email: '"not-an-email" is not a valid email address.',
        role: '"admin" is not an organization role; use reader or owner.',
      },
    });
    expect(h.openai.requests).toHaveLength(0);
    expect(h.slack.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('maps errors found across fields to the field they concern', async () => {
    const dates = (from: string, to: string) => ({
      from: { value: { type: 'datepicker', selected_date: from } },
      to: { value: { type: 'datepicker', selected_date: to } },
    });
    const reversed = await submit('audit.list', dates('2026-11-20', '2026-11-01'), USERS.viewer);
    expect(JSON.parse(reversed.text).errors).toEqual({ to: '--from 2026-11-20 is after --to 2026-11-01.' });
    const since = await submit('audit.list', { since: text('soon') }, USERS.viewer);
    expect(JSON.parse(since.text).errors.since).toContain('"soon" is not a duration');
    const limit = await submit('audit.list', { limit: { value: { type: 'number_input', value: '0' } } });
    expect(JSON.parse(limit.text).errors).toEqual({ limit: '--limit 0 is not a whole number from 1 to 100.' });
    expect(h.openai.requests).toHaveLength(0);
  });

  it('files a destructive change from a form for approval, with the reason, and changes nothing yet', async () => {
    const doomed = h.openai.state.addProject({ name: 'Doomed' });
    const mark = h.slack.mark();
    const answer = await submit('projects.archive', {
      project: project(doomed.id),
      __reason: text('project ended'),
    });
    expect(answer.text).toBe('');
    const card = await h.slack.waitFor(
      mark,
      (c) => c.method === 'chat.postMessage' && c.body.channel === APPROVAL_CHANNEL,
    );
    expect(await h.bot.container.store.get(requestIdOf(card))).toMatchObject({
      state: 'pending',
      operation: 'projects.archive',
      reason: 'project ended',
      requester_id: USERS.admin,
    });
    expect(JSON.stringify(card.body.blocks)).toContain('project ended');
    expect(JSON.stringify(card.body.blocks)).toContain(doomed.id);
    const told = await h.slack.waitFor(mark, (c) => c.method === 'chat.postEphemeral');
    expect(messageText(told)).toContain('Sent for approval');
    expect(writes()).toHaveLength(0);
  });

  it('refuses a form from someone the policy does not allow, privately, calling nothing', async () => {
    const mark = h.slack.mark();
    const answer = await submit('invites.create', { email: email('eve@x.com') }, USERS.viewer);
    expect(answer.text).toBe('');
    const told = await h.slack.waitFor(mark, (c) => c.method === 'chat.postEphemeral');
    expect(messageText(told)).toContain('You are not allowed to make this change');
    expect(h.openai.requests).toHaveLength(0);
  });
});
