import type { ApprovalRequest } from '../../src/domain/approvals/model.js';
import { approve, requestApproval } from './approvals.js';
import type { Harness } from './harness.js';
import { USERS } from './policy.js';

/** Waits until request `id` reaches `state` in the bot's store. */
export async function waitForState(h: Harness, id: string, state: string): Promise<ApprovalRequest> {
  for (let i = 0; i < 300; i++) {
    const row = await h.bot.container.store.get(id);
    if (row?.state === state) return row;
    await new Promise((r) => setTimeout(r, 10));
  }
  const row = await h.bot.container.store.get(id);
  throw new Error(
    `request ${id} never reached ${state} (it is ${row?.state ?? 'missing'}: ${JSON.stringify(row?.error)})`,
  );
}

/** Every request the fake Admin API received that could change something. */
export const writesTo = (h: Harness) => h.openai.requests.filter((r) => r.method !== 'GET');

/** The same writes as `METHOD /path` with their bodies, for comparing with what a test expects. */
export const writeCalls = (h: Harness) => writesTo(h).map((r) => ({ call: `${r.method} ${r.path}`, body: r.body }));

/**
 * Files `text` for approval, checks that nothing was written before the decision, has an approver approve it
 * and waits until it ran. Returns the card text (as first posted) and the requester's reply.
 */
export async function approveCommand(h: Harness, text: string): Promise<{ cardText: string; replyText: string }> {
  const { card, id, reply } = await requestApproval(h, text);
  const before = writesTo(h).length;
  if (before !== 0)
    throw new Error(`${before} write(s) reached OpenAI before approval: ${JSON.stringify(writesTo(h))}`);
  await approve(h, card, USERS.approver);
  await waitForState(h, id, 'succeeded');
  return { cardText: JSON.stringify(card.body.blocks), replyText: JSON.stringify(reply.body) };
}
