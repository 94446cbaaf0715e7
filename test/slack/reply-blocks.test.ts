import { describe, expect, it } from 'vitest';
import { helpEntries } from '../../src/domain/help.js';
import { operations } from '../../src/domain/operations/index.js';
import { renderHelp } from '../../src/slack/blocks/help.js';
import { renderReply } from '../../src/slack/blocks/reply.js';

const withinLimits = (messages: ReturnType<typeof renderReply>) => {
  for (const message of messages) {
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(message.blocks).length).toBeLessThan(12_000);
    for (const block of message.blocks) {
      const text = (block as { text?: { text?: string } }).text?.text ?? '';
      expect(text.length).toBeLessThanOrEqual(3_000);
    }
  }
};

describe('reply rendering', () => {
  it('splits a listing of 2,000 items into at most five messages within Block Kit limits and says what was cut', () => {
    const items = Array.from({ length: 2_000 }, (_, i) => ({
      title: `Project number ${i} with a long name`,
      id: `proj_${i}`,
      facts: ['active', 'created 2026-01-01'],
    }));
    const messages = renderReply({ title: '2000 projects', items });
    expect(messages.length).toBeLessThanOrEqual(5);
    withinLimits(messages);
    const last = JSON.stringify(messages.at(-1)?.blocks);
    expect(last).toMatch(/Showing \d+ of 2000/);
  });

  it('keeps a short listing in one message with nothing cut', () => {
    const messages = renderReply({ title: '2 users', items: [{ title: 'a@x.com' }, { title: 'b@x.com' }] });
    expect(messages).toHaveLength(1);
    expect(JSON.stringify(messages[0]?.blocks)).not.toContain('Showing');
  });

  it('escapes user text so it cannot mention or link', () => {
    const [message] = renderReply({ title: '<!channel> & <@U1>', items: [{ title: '<https://evil|click>' }] });
    const text = JSON.stringify(message?.blocks);
    expect(text).not.toMatch(/<!channel>|<@U1>|<https:/);
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;@U1&gt;');
  });

  it('renders help for every operation within limits', () => {
    const messages = renderHelp(helpEntries(operations));
    withinLimits(messages);
    const text = messages.map((m) => JSON.stringify(m.blocks)).join('');
    for (const op of operations) expect(text).toContain(op.words.join(' '));
  });
});
