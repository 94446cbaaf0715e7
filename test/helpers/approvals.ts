import { expect } from 'vitest';
import type { SlackCall } from './fake-slack.js';
import type { Harness } from './harness.js';
import { clickButton } from './interactions.js';
import { APPROVAL_CHANNEL } from './policy.js';

/** The request id carried by the Approve button of a posted card. */
export function requestIdOf(card: SlackCall): string {
  const blocks = card.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
  const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'approval.approve');
  if (!button) throw new Error('the card has no Approve button');
  return button.value;
}

/** Sends a command that needs approval and returns the card posted in the approvals channel. */
export async function requestApproval(
  h: Harness,
  text: string,
  userId = 'UADMIN',
): Promise<{ card: SlackCall; id: string; reply: SlackCall }> {
  const mark = h.slack.mark();
  const reply = await h.ask(text, userId);
  const card = await h.slack.waitFor(
    mark,
    (c) => c.method === 'chat.postMessage' && c.body.channel === APPROVAL_CHANNEL && !c.body.thread_ts,
  );
  return { card, id: requestIdOf(card), reply };
}

/** Clicks Approve as `userId` on the card of request `id`. */
export function approve(h: Pick<Harness, 'slack' | 'botUrl'>, card: SlackCall, userId: string) {
  return clickButton(h, { actionId: 'approval.approve', value: requestIdOf(card), userId });
}

/** The latest version of a card (its last chat.update, or the post itself). */
export function latestCard(h: Harness, card: SlackCall): string {
  const ts = h.slack.messages.get(`${APPROVAL_CHANNEL}:${findTs(h, card)}`);
  return JSON.stringify(ts?.blocks ?? card.body.blocks);
}

/** Waits until the card, as last rewritten, contains `text` (it is rewritten after the decision that changes it). */
export async function waitForCardText(h: Harness, card: SlackCall, text: string, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const latest = latestCard(h, card);
    if (latest.includes(text) || Date.now() > deadline) return latest;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function findTs(h: Harness, card: SlackCall): string {
  const id = requestIdOf(card);
  for (const message of h.slack.messages.values()) {
    if (message.channel === APPROVAL_CHANNEL && !message.thread_ts && JSON.stringify(message.blocks).includes(id)) {
      return message.ts;
    }
  }
  expect.fail(`no message holds request ${id}`);
}
