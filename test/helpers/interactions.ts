import type { Harness } from './harness.js';
import { payloadBody, postSigned, type SignedPost } from './slack-requests.js';

let seq = 0;

export interface Click {
  actionId: string;
  value: string;
  userId: string;
  channelId?: string;
  messageTs?: string;
}

/** Sends a signed `block_actions` payload for a button click; `responseId` names its response_url. */
export async function clickButton(
  h: Pick<Harness, 'slack' | 'botUrl'>,
  click: Click,
): Promise<SignedPost & { responseId: string }> {
  const responseId = `act${++seq}`;
  const channelId = click.channelId ?? 'CAPPROVALS';
  const messageTs = click.messageTs ?? '1700000000.000001';
  const payload = {
    type: 'block_actions',
    user: { id: click.userId, username: click.userId.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'deprecated',
    team: { id: 'T1', domain: 'acme' },
    channel: { id: channelId, name: 'approvals' },
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    message: { ts: messageTs, type: 'message', text: 'card' },
    trigger_id: `trigger-${seq}`,
    response_url: h.slack.responseUrl(responseId),
    actions: [
      {
        type: 'button',
        action_id: click.actionId,
        block_id: 'approval',
        value: click.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return { ...(await postSigned(h.botUrl, payloadBody(payload))), responseId };
}

export interface Submission {
  callbackId: string;
  userId: string;
  privateMetadata: string;
  values: Record<string, Record<string, unknown>>;
}

/** Sends a signed `view_submission` payload and returns the HTTP answer (the ack, with any inline errors). */
export async function submitView(h: Pick<Harness, 'botUrl'>, submission: Submission): Promise<SignedPost> {
  const payload = {
    type: 'view_submission',
    team: { id: 'T1', domain: 'acme' },
    user: { id: submission.userId, username: submission.userId.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'deprecated',
    trigger_id: `trigger-view-${++seq}`,
    view: {
      id: `V${seq}`,
      team_id: 'T1',
      type: 'modal',
      callback_id: submission.callbackId,
      private_metadata: submission.privateMetadata,
      hash: 'h',
      state: { values: submission.values },
      blocks: [],
      title: { type: 'plain_text', text: 'x' },
    },
  };
  return postSigned(h.botUrl, payloadBody(payload));
}
