import { BOT, dmOf, userById, userOfDm } from '../seed.js';
import type { Workspace } from '../workspace.js';
import { blocksOf, fail, type Method, str } from './types.js';

/** Slack's limit of blocks in one message. */
const MAX_BLOCKS = 50;

/** The conversation a `channel` argument names: a channel, a DM id, or a user id (their DM with the bot). */
export function conversationOf(workspace: Workspace, channel: string | undefined): string | undefined {
  if (!channel) return undefined;
  const target = channel.startsWith('U') && userById(channel) ? dmOf(channel) : channel;
  return workspace.conversationExists(target) ? target : undefined;
}

const messageBody = (args: Record<string, unknown>) => {
  const blocks = blocksOf(args.blocks);
  const text = str(args.text) ?? '';
  if (blocks === 'invalid') return fail('invalid_blocks');
  if (blocks && blocks.length > MAX_BLOCKS) return fail('invalid_blocks', { errors: ['must be at most 50 blocks'] });
  if (!text && !blocks?.length) return fail('no_text');
  return { text, blocks };
};

const postMessage: Method = (workspace, args) => {
  const channel = conversationOf(workspace, str(args.channel));
  if (!channel) return fail('channel_not_found');
  const body = messageBody(args);
  if ('ok' in body) return body;
  let threadTs = str(args.thread_ts);
  if (threadTs) {
    const parent = workspace.messages.find(channel, threadTs);
    if (!parent || parent.visibleTo) return fail('thread_not_found');
    threadTs = parent.threadTs ?? parent.ts;
  }
  const message = workspace.post({ channel, author: BOT.userId, ...body, threadTs });
  return {
    ok: true,
    channel,
    ts: message.ts,
    message: { type: 'message', user: BOT.userId, bot_id: BOT.botId, ts: message.ts, text: message.text },
  };
};

const postEphemeral: Method = (workspace, args) => {
  const channel = conversationOf(workspace, str(args.channel));
  if (!channel) return fail('channel_not_found');
  const user = str(args.user);
  if (!user || !userById(user)) return fail('user_not_found');
  const owner = userOfDm(channel);
  if (owner && owner !== user) return fail('user_not_in_channel');
  const body = messageBody(args);
  if ('ok' in body) return body;
  const message = workspace.post({ channel, author: BOT.userId, ...body, visibleTo: user });
  return { ok: true, message_ts: message.ts };
};

const update: Method = (workspace, args) => {
  const channel = conversationOf(workspace, str(args.channel));
  const found = channel ? workspace.messages.find(channel, str(args.ts) ?? '') : undefined;
  if (!found || found.visibleTo) return fail('message_not_found');
  if (found.author !== BOT.userId) return fail('cant_update_message');
  const body = messageBody(args);
  if ('ok' in body) return body;
  workspace.edit(found, { text: body.text, ...(body.blocks ? { blocks: body.blocks } : {}) });
  return { ok: true, channel, ts: found.ts, text: found.text };
};

const remove: Method = (workspace, args) => {
  const channel = conversationOf(workspace, str(args.channel));
  const found = channel ? workspace.messages.find(channel, str(args.ts) ?? '') : undefined;
  if (!found || found.visibleTo) return fail('message_not_found');
  if (found.author !== BOT.userId) return fail('cant_delete_message');
  workspace.remove(found);
  return { ok: true, channel, ts: found.ts };
};

const getPermalink: Method = (workspace, args) => {
  const channel = conversationOf(workspace, str(args.channel));
  const found = channel ? workspace.messages.find(channel, str(args.message_ts) ?? '') : undefined;
  if (!found) return fail('message_not_found');
  const link = new URL('/', workspace.baseUrl);
  link.searchParams.set('channel', found.channel);
  link.searchParams.set('ts', found.ts);
  if (found.threadTs) link.searchParams.set('thread_ts', found.threadTs);
  return { ok: true, channel: found.channel, permalink: link.toString() };
};

export const chatMethods: Record<string, Method> = {
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.delete': remove,
  'chat.getPermalink': getPermalink,
};
