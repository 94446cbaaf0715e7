import type { KnownBlock, View } from '@slack/types';

interface TextObject {
  type: string;
  text: string;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApprovalRequest } from '../../src/domain/approvals/model.js';
import type { SpendDigest } from '../../src/domain/digests/spend-digest.js';
import type { ThresholdCrossing } from '../../src/domain/digests/thresholds.js';
import { renderApprovalCard, renderRequesterNote } from '../../src/slack/blocks/approval-card.js';
import { renderDigest } from '../../src/slack/blocks/digest.js';
import { renderCrossings } from '../../src/slack/blocks/digest-alerts.js';
import { renderChartFallback } from '../../src/slack/blocks/digest-chart.js';
import { renderError } from '../../src/slack/blocks/error.js';
import { renderSuggestions } from '../../src/slack/blocks/form-options.js';
import { renderHelp } from '../../src/slack/blocks/help.js';
import { renderHome } from '../../src/slack/blocks/home.js';
import type { SlackMessage } from '../../src/slack/blocks/message.js';
import { renderNotice } from '../../src/slack/blocks/notice.js';
import { renderReply } from '../../src/slack/blocks/reply.js';
import { renderSecretModal } from '../../src/slack/blocks/secret-modal.js';
import { renderSecretOffer, renderSecretRevealed } from '../../src/slack/blocks/secret-offer.js';
import { clip, escapeText } from '../../src/slack/mrkdwn.js';

const BIDI = '\u202e\u2066\u200f\u061c';
const HOSTILE = `Ops <!channel> <https://evil.example|click> <@U0ADMIN> ${BIDI}gpj.exe`;

/** What the hostile name would turn into a broadcast, a disguised link or a mention if it reached Slack as is. */
const LIVE_TOKEN_FROM_INPUT = /<!channel>|<https:\/\/evil|<@U0ADMIN>/;

/** Every string in a payload, and whether Slack reads it as markup (plain_text objects it shows as typed). */
const strings = (value: unknown, markup = true): { text: string; markup: boolean }[] => {
  if (typeof value === 'string') return [{ text: value, markup }];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, markup));
  if (value && typeof value === 'object') {
    const plain = (value as { type?: unknown }).type === 'plain_text';
    return Object.values(value).flatMap((v) => strings(v, markup && !plain));
  }
  return [];
};

/** Nothing the hostile name carried is live, and no bidi control survives, in fallback text or blocks. */
const expectSafe = (payload: unknown) => {
  for (const { text, markup } of strings(payload)) {
    if (markup) expect(text).not.toMatch(LIVE_TOKEN_FROM_INPUT);
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
  }
};

const request = (over: Partial<ApprovalRequest> = {}): ApprovalRequest => ({
  id: 'apr_1',
  operation: 'projects.archive',
  input: {},
  summary: `Archive project ${HOSTILE}\nProject id proj_1`,
  requester_id: 'UADMIN',
  requester_email: `a${HOSTILE}@x.com`,
  channel_id: 'COPS',
  reason: HOSTILE,
  state: 'pending',
  required_approvals: 1,
  approver_role: 'approver',
  created_at: 0,
  expires_at: 86_400_000,
  card_channel: 'CAPPROVALS',
  card_ts: '1.1',
  result: null,
  error: null,
  openai_request_id: null,
  decided_by: null,
  decided_at: null,
  decision_reason: null,
  requester_source: 'slack',
  ...over,
});

const digest: SpendDigest = {
  monthKey: '2026-11',
  monthLabel: 'November 2026',
  asOf: 0,
  monthComplete: false,
  scope: [HOSTILE],
  total: 12,
  projectsWithSpend: 1,
  orgAlerts: [],
  projects: [{ id: 'proj_1', name: HOSTILE, spend: 12, alerts: [] } as never],
  others: undefined,
  forecast: undefined,
  yesterday: undefined,
  movers: [{ id: 'proj_1', name: HOSTILE, last7: 5, previous7: 1 } as never],
  unalerted: { names: [HOSTILE], count: 1, spend: 12 },
  days: [{ day: '2026-11-01', spend: 12 }],
  daysInMonth: 30,
  chart: undefined,
};

const crossing: ThresholdCrossing = {
  projectId: 'proj_1',
  name: HOSTILE,
  alertId: 'alert_1',
  thresholdCents: 1_000,
  level: 0.8,
  spend: 9,
  monthKey: '2026-11',
  key: 'k',
};

const messages: [string, () => SlackMessage | SlackMessage[] | View | unknown][] = [
  ['the approval card', () => renderApprovalCard({ request: request(), votes: [] })],
  [
    'a rejected card',
    () => renderApprovalCard({ request: request({ state: 'rejected', decision_reason: HOSTILE }), votes: [] }),
  ],
  [
    'a failed card',
    () => renderApprovalCard({ request: request({ state: 'failed', error: { message: HOSTILE } }), votes: [] }),
  ],
  ['the requester note', () => renderRequesterNote({ request: request({ state: 'succeeded' }), votes: [] })],
  ['the in-channel spend digest', () => renderDigest(digest)],
  ['the threshold alert', () => renderCrossings([crossing])],
  ['the text chart', () => renderChartFallback({ ...digest, monthLabel: HOSTILE })],
  ['a digest problem notice with Admin API error text', () => renderNotice(`:warning: ${HOSTILE}`)],
  ['an error reply', () => renderError({ message: HOSTILE, usage: HOSTILE, requestId: HOSTILE, expected: true })],
  ['the secret offer', () => renderSecretOffer({ secretId: 's1', ownerUserId: 'U1', title: HOSTILE, expiresAt: 0 })],
  ['the secret revealed note', () => renderSecretRevealed(HOSTILE)],
  ['the secret modal title', () => renderSecretModal(HOSTILE, 'sk-value')],
  ['a reply', () => renderReply({ title: HOSTILE, notes: [HOSTILE], items: [{ title: HOSTILE, facts: [HOSTILE] }] })],
  ['help for a topic', () => renderHelp([], HOSTILE)],
  ['the home tab', () => renderHome({ awaitingMe: [request()], mine: [request()], otherPending: 0 })],
  ['form suggestions', () => renderSuggestions([{ value: 'proj_1', label: HOSTILE }])],
];

describe('one escaping rule for everything sent to Slack', () => {
  it.each(messages)('%s carries no live mention, broadcast, link or bidi control', (_name, render) => {
    expectSafe(render());
  });

  it('escapes the fallback text of the approval card, which Slack shows in notifications', () => {
    const card = renderApprovalCard({ request: request(), votes: [] });
    expect(card.text).toContain('&lt;!channel&gt; &lt;https://evil.example|click&gt;');
  });
});

/** Every mrkdwn text in the blocks (plain_text is shown as typed, so it is not escaped). */
const mrkdwnTexts = (blocks: readonly KnownBlock[]): string[] =>
  blocks.flatMap((block) => {
    const b = block as { text?: TextObject; fields?: TextObject[]; elements?: TextObject[] };
    return [b.text, ...(b.fields ?? []), ...(b.elements ?? [])]
      .filter((t): t is TextObject => t?.type === 'mrkdwn')
      .map((t) => t.text);
  });

/** A `&` that does not start one of the three entities: what cutting through `&amp;` leaves behind. */
const SPLIT_ENTITY = /&(?!(?:amp|lt|gt);)/;

describe('escape, then truncate, without splitting an entity', () => {
  it('keeps a card with a 1,000-ampersand reason within every Block Kit limit', () => {
    const card = renderApprovalCard({
      request: request({ reason: '&'.repeat(1_000), summary: '&'.repeat(5_000) }),
      votes: [],
    });
    const fields = (card.blocks[2] as { fields: { text: string }[] }).fields;
    for (const field of fields) expect(field.text.length).toBeLessThanOrEqual(2_000);
    const header = card.blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    for (const text of mrkdwnTexts(card.blocks)) {
      expect(text.length).toBeLessThanOrEqual(3_000);
      expect(text).not.toMatch(SPLIT_ENTITY);
    }
    expect(card.text).not.toMatch(SPLIT_ENTITY);
    expect(fields[2]?.text).toContain('&amp;&amp;');
  });

  it('clip() never exceeds its bound and never leaves part of an entity or a bidi control', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('&', '<', '>', 'a', ' ', '\u202e', '😀', 'é'), maxLength: 300 }),
        fc.integer({ min: 2, max: 400 }),
        (text, max) => {
          const out = clip(text, max);
          expect(out.length).toBeLessThanOrEqual(max);
          expect(out).not.toMatch(SPLIT_ENTITY);
          expect(out).not.toMatch(/[<>\u202e]/);
          expect(out).not.toMatch(/[\ud800-\udbff]$/);
          if (escapeText(text).length <= max) expect(out).toBe(escapeText(text));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
