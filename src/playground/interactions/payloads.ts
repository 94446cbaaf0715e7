import type { Message, ViewRecord } from '../workspace/model.js';
import { BOT, CHANNELS, dmOf, TEAM, userById } from '../workspace/seed.js';

/** What a person did to an interactive element, as Slack reports it in `actions[]`. */
export interface ElementAction {
  type: string;
  action_id: string;
  block_id: string;
  value?: string;
  selected_option?: { text: { type: 'plain_text'; text: string }; value: string };
  selected_options?: { text: { type: 'plain_text'; text: string }; value: string }[];
  selected_date?: string;
  text?: { type: 'plain_text'; text: string };
}

const userOf = (userId: string) => {
  const user = userById(userId);
  return { id: userId, username: user?.name ?? userId, name: user?.name ?? userId, team_id: TEAM.id };
};

const common = (userId: string) => ({
  api_app_id: BOT.appId,
  token: 'deprecated-verification-token',
  team: { id: TEAM.id, domain: TEAM.domain },
  user: userOf(userId),
  is_enterprise_install: false,
  enterprise: null,
});

const channelName = (id: string) => CHANNELS.find((c) => c.id === id)?.name ?? 'directmessage';

/** A view as payloads carry it: the stored view plus its id, hash and the state the console sent. */
export const viewPayload = (record: ViewRecord) => ({
  ...record.view,
  id: record.id,
  team_id: TEAM.id,
  app_id: BOT.appId,
  bot_id: BOT.botId,
  hash: record.hash,
  root_view_id: record.id,
  previous_view_id: null,
  private_metadata: typeof record.view.private_metadata === 'string' ? record.view.private_metadata : '',
  callback_id: typeof record.view.callback_id === 'string' ? record.view.callback_id : '',
  state: { values: record.state },
});

export function commandForm(input: {
  userId: string;
  channel: string;
  text: string;
  responseUrl: string;
  triggerId: string;
}): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: input.channel,
    channel_name: channelName(input.channel),
    user_id: input.userId,
    user_name: userById(input.userId)?.name ?? input.userId,
    command: '/openai',
    text: input.text,
    api_app_id: BOT.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  }).toString();
}

export function messageActionPayload(input: {
  userId: string;
  message: Message;
  responseUrl: string;
  triggerId: string;
  action: ElementAction;
}) {
  const { message } = input;
  return {
    type: 'block_actions',
    ...common(input.userId),
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: message.channel,
      is_ephemeral: message.visibleTo !== undefined,
    },
    channel: { id: message.channel, name: channelName(message.channel) },
    ...(message.visibleTo
      ? {}
      : {
          message: {
            type: 'message',
            ts: message.ts,
            user: message.author,
            bot_id: BOT.botId,
            text: message.text,
            blocks: message.blocks,
            ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
          },
        }),
    state: { values: {} },
    trigger_id: input.triggerId,
    response_url: input.responseUrl,
    actions: [{ ...input.action, action_ts: `${Date.now() / 1000}` }],
  };
}

export function viewActionPayload(input: {
  userId: string;
  view: ViewRecord;
  triggerId: string;
  action: ElementAction;
}) {
  return {
    type: 'block_actions',
    ...common(input.userId),
    container: { type: 'view', view_id: input.view.id },
    view: viewPayload(input.view),
    state: { values: input.view.state },
    trigger_id: input.triggerId,
    actions: [{ ...input.action, action_ts: `${Date.now() / 1000}` }],
  };
}

export const viewSubmissionPayload = (input: { userId: string; view: ViewRecord; triggerId: string }) => ({
  type: 'view_submission',
  ...common(input.userId),
  view: viewPayload(input.view),
  trigger_id: input.triggerId,
  response_urls: [],
});

export const viewClosedPayload = (input: { userId: string; view: ViewRecord }) => ({
  type: 'view_closed',
  ...common(input.userId),
  view: viewPayload(input.view),
  is_cleared: false,
});

export const suggestionPayload = (input: {
  userId: string;
  view: ViewRecord | undefined;
  actionId: string;
  blockId: string;
  value: string;
}) => ({
  type: 'block_suggestion',
  ...common(input.userId),
  action_id: input.actionId,
  block_id: input.blockId,
  value: input.value,
  ...(input.view ? { container: { type: 'view', view_id: input.view.id }, view: viewPayload(input.view) } : {}),
});

/** The Events API envelope of `app_home_opened`. */
export const homeOpenedEvent = (userId: string, home: ViewRecord | undefined) => ({
  token: 'deprecated-verification-token',
  team_id: TEAM.id,
  api_app_id: BOT.appId,
  type: 'event_callback',
  event_id: `EvPLAY${Date.now()}`,
  event_time: Math.floor(Date.now() / 1000),
  authorizations: [{ team_id: TEAM.id, user_id: BOT.userId, is_bot: true, is_enterprise_install: false }],
  event: {
    type: 'app_home_opened',
    user: userId,
    channel: dmOf(userId),
    tab: 'home',
    event_ts: `${Date.now() / 1000}`,
    ...(home ? { view: viewPayload(home) } : {}),
  },
});

export const payloadForm = (payload: unknown) => `payload=${encodeURIComponent(JSON.stringify(payload))}`;
