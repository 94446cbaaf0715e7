import type { SlackCall } from '../helpers/fake-slack.js';
import type { Harness } from '../helpers/harness.js';

/** A clock the bot reads through `now`, moved by the test; it keeps the fake Admin API's clock in step. */
export class TestClock {
  #ms: number;
  readonly #harnesses: Harness[] = [];

  constructor(iso: string) {
    this.#ms = Date.parse(iso);
  }

  readonly now = (): Date => new Date(this.#ms);

  /** Also sets the clock of these harnesses' fake Admin API. */
  follow(...harnesses: Harness[]): this {
    this.#harnesses.push(...harnesses);
    this.set(new Date(this.#ms).toISOString());
    return this;
  }

  set(iso: string): void {
    this.#ms = Date.parse(iso);
    for (const h of this.#harnesses) h.openai.state.now = Math.floor(this.#ms / 1000);
  }
}

/** Sends `/openai <text>` from `channelId` and waits (5 s unless told) for the answer on its response_url. */
export async function askIn(
  h: Harness,
  channelId: string,
  text: string,
  userId = 'UADMIN',
  timeoutMs?: number,
): Promise<SlackCall> {
  const sent = await h.command(text, userId, { channelId });
  if (sent.status !== 200) throw new Error(`ack failed: HTTP ${sent.status} ${sent.text}`);
  return h.slack.waitForAnswer(sent.responseId, timeoutMs);
}

/** Digest messages posted (not response_url answers) in a channel, oldest first. */
export const digestsIn = (h: Harness, channel: string): SlackCall[] =>
  h.slack
    .callsTo('chat.postMessage')
    .filter((call) => call.body.channel === channel && JSON.stringify(call.body.blocks ?? '').includes('Spend digest'));

/** Threshold alert messages posted in a channel, oldest first. */
export const alertsIn = (h: Harness, channel: string): SlackCall[] =>
  h.slack
    .callsTo('chat.postMessage')
    .filter((call) => call.body.channel === channel && JSON.stringify(call.body.blocks ?? '').includes('Spend alert:'));

/** The subscription id an answer to `digest subscribe` names. */
export function subscriptionIdOf(answer: SlackCall): string {
  const id = /dig_[0-9a-f]+/.exec(JSON.stringify(answer.body.blocks))?.[0];
  if (!id) throw new Error(`no subscription id in ${JSON.stringify(answer.body.blocks)}`);
  return id;
}
