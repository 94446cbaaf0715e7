import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackCall } from '../helpers/fake-slack.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { clickButton } from '../helpers/interactions.js';
import { USERS } from '../helpers/policy.js';

interface Control {
  action_id: string;
  value: string;
}

const controlsOf = (reply: SlackCall): Control[] =>
  (reply.body.blocks as { type: string; elements?: Control[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);

const control = (reply: SlackCall, actionId: string): Control | undefined =>
  controlsOf(reply).find((c) => c.action_id === actionId);

describe('long listings', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  it('replaces the page More was clicked on with the next one, so its button goes away', async () => {
    for (let i = 0; i < 25; i++) {
      h.openai.state.addAuditLog({
        type: 'project.updated',
        payload: { id: `proj_${i}` },
        effectiveAt: Math.floor(Date.now() / 1000) - 3_600 + i,
      });
    }
    const first = await h.ask('audit', USERS.viewer);
    const more = control(first, 'reply.more');
    if (!more) throw new Error('the first page has no More button');
    const click = await clickButton(h, {
      actionId: 'reply.more',
      value: more.value,
      userId: USERS.viewer,
      channelId: 'COPS',
    });
    const second = await h.slack.waitForResponse(click.responseId);
    expect(second.body.replace_original).toBe(true);
    expect(messageText(second)).toContain('page 2');
    // What the clicked message shows now: only the second page, whose listing ended, so no More is left.
    const shown = h.slack.shownVia(click.responseId);
    expect(shown).toHaveLength(1);
    expect(control(second, 'reply.more')).toBeUndefined();
  });

  it('offers a listing too long for its messages as a CSV file by direct message, every row once', async () => {
    for (let i = 0; i < 1_200; i++) h.openai.state.addUser({ email: `person${i}@x.com`, name: `Person, "${i}"` });
    const sent = await h.command('users list');
    const last = await h.slack.waitFor(
      { index: 0 },
      (c) => c.method === `response:${sent.responseId}` && JSON.stringify(c.body).includes('Showing '),
    );
    expect(messageText(last)).toMatch(/Showing \d+ of 1200\. Narrow the listing with a filter, or get the whole list/);
    const csv = control(last, 'reply.csv');
    if (!csv) throw new Error('the long listing offers no CSV');
    const mark = h.slack.mark();
    const click = await clickButton(h, {
      actionId: 'reply.csv',
      value: csv.value,
      userId: USERS.admin,
      channelId: 'COPS',
    });
    const note = await h.slack.waitForResponse(click.responseId, 15_000);
    expect(messageText(note)).toMatch(/Sent the whole list \(1200 rows\) to you as users-list-\d{8}-\d{4}\.csv/);
    const opened = h.slack.callsSince(mark).find((c) => c.method === 'conversations.open');
    expect(opened?.body.users).toBe(USERS.admin);
    const completed = await h.slack.waitFor(mark, (c) => c.method === 'files.completeUploadExternal');
    const [file] = completed.body.files as { id: string }[];
    const text = h.slack.uploads.get(file?.id ?? '')?.toString('utf8') ?? '';
    const rows = text.trimEnd().split('\r\n');
    expect(rows[0]).toBe('name,id,details');
    expect(rows).toHaveLength(1_201);
    expect(rows.filter((r) => r.startsWith('"Person, ""7"" <person7@x.com>",user')).length).toBe(1);
  });

  it('offers no CSV for a listing that fits', async () => {
    h.openai.state.addUser({ email: 'solo@x.com' });
    const reply = await h.ask('users list');
    expect(control(reply, 'reply.csv')).toBeUndefined();
  });
});
