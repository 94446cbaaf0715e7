import type { Harness } from './harness.js';
import { payloadBody, postSigned, type SignedPost } from './slack-requests.js';

let seq = 0;

export interface OpenView {
  id: string;
  hash: string;
  privateMetadata: string;
  callbackId: string;
}

/** Sends a signed `block_actions` payload for picking an option of a static select inside a modal. */
export async function pickInView(
  h: Harness,
  pick: { userId: string; view: OpenView; actionId: string; blockId: string; value: string },
): Promise<SignedPost> {
  const payload = {
    type: 'block_actions',
    user: { id: pick.userId, username: pick.userId.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'deprecated',
    team: { id: 'T1', domain: 'acme' },
    container: { type: 'view', view_id: pick.view.id },
    trigger_id: `trigger-pick-${++seq}`,
    view: {
      id: pick.view.id,
      team_id: 'T1',
      type: 'modal',
      callback_id: pick.view.callbackId,
      private_metadata: pick.view.privateMetadata,
      hash: pick.view.hash,
      state: { values: {} },
      blocks: [],
      title: { type: 'plain_text', text: 'x' },
    },
    actions: [
      {
        type: 'static_select',
        action_id: pick.actionId,
        block_id: pick.blockId,
        selected_option: { text: { type: 'plain_text', text: pick.value }, value: pick.value },
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return postSigned(h.botUrl, payloadBody(payload));
}

/** Sends a signed `block_suggestion` (an external select being typed into); the answer holds the options. */
export async function typeInSelect(
  h: Harness,
  input: { userId: string; actionId: string; blockId: string; value: string; privateMetadata?: string },
): Promise<{ status: number; options: { text: { text: string }; value: string }[] }> {
  const payload = {
    type: 'block_suggestion',
    user: { id: input.userId, name: input.userId.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'deprecated',
    team: { id: 'T1', domain: 'acme' },
    container: { type: 'view', view_id: 'V1' },
    action_id: input.actionId,
    block_id: input.blockId,
    value: input.value,
    view: {
      id: 'V1',
      team_id: 'T1',
      type: 'modal',
      callback_id: 'operation.view',
      private_metadata: input.privateMetadata ?? '{}',
      hash: 'h',
      state: { values: {} },
      blocks: [],
      title: { type: 'plain_text', text: 'x' },
    },
  };
  const answer = await postSigned(h.botUrl, payloadBody(payload));
  const body = answer.text ? (JSON.parse(answer.text) as { options?: [] }) : {};
  return { status: answer.status, options: body.options ?? [] };
}
