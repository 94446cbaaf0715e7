import { describe, expect, it } from 'vitest';
import { decodeMore, encodeMore, moreBlock } from '../../src/slack/blocks/more-button.js';

describe('the More button', () => {
  const more = { operation: 'audit.list', input: { type: ['api_key.*'], after: 'audit_log-9', page: 2 } };

  it('carries the operation and next-page input and reads them back', () => {
    const value = encodeMore(more);
    expect(value).toBeDefined();
    expect(decodeMore(value)).toEqual(more);
    expect(moreBlock(more)).toMatchObject({ type: 'actions', elements: [{ action_id: 'reply.more', value }] });
  });

  it('becomes a note instead of a button when the value would pass Slack’s 2000 characters', () => {
    const big = { operation: 'audit.list', input: { actor: Array.from({ length: 200 }, (_, i) => `user${i}@x.com`) } };
    expect(encodeMore(big)).toBeUndefined();
    expect(JSON.stringify(moreBlock(big))).toContain('narrow the filters');
  });

  it.each(['', 'not json', '{"o":"audit.list"}', '{"o":"","i":{}}', '{"o":"x","i":[1]}', '42'])(
    'refuses a value it did not write: %s',
    (value) => {
      expect(decodeMore(value)).toBeUndefined();
    },
  );
});
