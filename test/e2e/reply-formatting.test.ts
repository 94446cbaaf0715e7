import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestApproval } from '../helpers/approvals.js';
import { type Harness, rawText, startHarness } from '../helpers/harness.js';
import { askIn } from './digest-helpers.js';

const dateToken = (ms: number) => {
  const utc = `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(ms / 1000 / 60) * 60}^{date_short_pretty} {time}|${utc}>`;
};

describe('replies as each reader sees them', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('shows times as Slack date tokens in each viewer’s time zone, with the UTC text as fallback', async () => {
    h.openai.state.addUser({ email: 'tess@x.com' });
    const { id, reply } = await requestApproval(h, 'users remove tess@x.com --reason "see https://example.com/x"');
    const request = await h.bot.container.store.get(id);
    const text = rawText(reply);
    expect(text).toContain(`expires ${dateToken(request?.expires_at ?? 0)}`);
    expect(text).not.toMatch(/expires \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  });

  it('lists digests with a link to their channel instead of its raw id', async () => {
    await askIn(h, 'CDIGESTS', 'digest subscribe daily 09:00 UTC');
    const list = await askIn(h, 'COTHER', 'digest list --all');
    const text = rawText(list);
    expect(text).toContain('in <#CDIGESTS>');
    expect(text).not.toMatch(/in CDIGESTS/);
  });

  it('never unfurls links in messages that echo what people typed', async () => {
    h.openai.state.addUser({ email: 'uma@x.com' });
    const { card, reply } = await requestApproval(h, 'users remove uma@x.com --reason "see https://example.com/y"');
    expect(JSON.stringify(card.body)).toContain('https://example.com/y');
    // The Web API client sends form fields, so Slack receives the text "false".
    expect(card.body).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    expect(reply.body).toMatchObject({ unfurl_links: false, unfurl_media: false });
  });
});
