import type { WorkspaceUser } from '../model.js';
import { BOT, CHANNELS, dmOf, TEAM, USER_GROUPS, USERS, userById } from '../seed.js';
import type { Workspace } from '../workspace.js';
import { fail, type Method, str } from './types.js';

const userObject = (user: WorkspaceUser) => ({
  id: user.id,
  team_id: TEAM.id,
  name: user.name,
  real_name: user.realName,
  deleted: false,
  is_bot: false,
  tz: 'Europe/London',
  profile: {
    real_name: user.realName,
    display_name: user.name,
    email: user.email,
    title: user.title,
  },
});

const channelObject = (id: string) => {
  const channel = CHANNELS.find((c) => c.id === id);
  if (channel) {
    return {
      id,
      name: channel.name,
      is_channel: true,
      is_im: false,
      is_member: true,
      topic: { value: channel.topic },
    };
  }
  const user = USERS.find((u) => dmOf(u.id) === id);
  return { id, is_im: true, is_channel: false, user: user?.id };
};

const membersOf = (channel: string): string[] => {
  if (CHANNELS.some((c) => c.id === channel)) return [BOT.userId, ...USERS.map((u) => u.id)];
  const user = USERS.find((u) => dmOf(u.id) === channel);
  return user ? [BOT.userId, user.id] : [];
};

const history = (workspace: Workspace, channel: string, threadTs?: string) =>
  workspace.messages
    .all()
    .filter((m) => m.channel === channel && !m.visibleTo)
    .filter((m) => (threadTs ? m.ts === threadTs || m.threadTs === threadTs : !m.threadTs))
    .map((m) => ({ type: 'message', user: m.author, ts: m.ts, text: m.text, blocks: m.blocks, thread_ts: m.threadTs }));

export const peopleMethods: Record<string, Method> = {
  'auth.test': (workspace) => ({
    ok: true,
    url: `${workspace.baseUrl}/`,
    team: TEAM.name,
    team_id: TEAM.id,
    user: BOT.name,
    user_id: BOT.userId,
    bot_id: BOT.botId,
    is_enterprise_install: false,
  }),
  'users.info': (_workspace, args) => {
    const user = userById(str(args.user) ?? '');
    return user ? { ok: true, user: userObject(user) } : fail('user_not_found');
  },
  'users.lookupByEmail': (_workspace, args) => {
    const wanted = (str(args.email) ?? '').toLowerCase();
    const user = USERS.find((u) => u.email === wanted);
    return user ? { ok: true, user: userObject(user) } : fail('users_not_found');
  },
  'users.list': () => ({ ok: true, members: USERS.map(userObject), response_metadata: { next_cursor: '' } }),
  'usergroups.list': () => ({
    ok: true,
    usergroups: Object.entries(USER_GROUPS).map(([id, group]) => ({ id, handle: group.handle, name: group.handle })),
  }),
  'usergroups.users.list': (_workspace, args) => {
    const group = USER_GROUPS[str(args.usergroup) ?? ''];
    return group ? { ok: true, users: [...group.users] } : fail('no_such_subteam');
  },
  'conversations.open': (_workspace, args) => {
    const users = (str(args.users) ?? '').split(',').filter(Boolean);
    const [only] = users;
    if (users.length !== 1 || !only) return fail(users.length ? 'not_implemented' : 'users_list_not_supplied');
    if (!userById(only)) return fail('user_not_found');
    return { ok: true, channel: { id: dmOf(only) } };
  },
  'conversations.info': (workspace, args) => {
    const id = str(args.channel) ?? '';
    return workspace.conversationExists(id) ? { ok: true, channel: channelObject(id) } : fail('channel_not_found');
  },
  'conversations.list': () => ({
    ok: true,
    channels: CHANNELS.map((c) => channelObject(c.id)),
    response_metadata: { next_cursor: '' },
  }),
  'conversations.members': (workspace, args) => {
    const id = str(args.channel) ?? '';
    return workspace.conversationExists(id)
      ? { ok: true, members: membersOf(id), response_metadata: { next_cursor: '' } }
      : fail('channel_not_found');
  },
  'conversations.join': (workspace, args) => {
    const id = str(args.channel) ?? '';
    return workspace.conversationExists(id) ? { ok: true, channel: channelObject(id) } : fail('channel_not_found');
  },
  'conversations.history': (workspace, args) => {
    const id = str(args.channel) ?? '';
    if (!workspace.conversationExists(id)) return fail('channel_not_found');
    return { ok: true, messages: history(workspace, id).reverse(), has_more: false };
  },
  'conversations.replies': (workspace, args) => {
    const id = str(args.channel) ?? '';
    if (!workspace.conversationExists(id)) return fail('channel_not_found');
    const messages = history(workspace, id, str(args.ts));
    return messages.length ? { ok: true, messages, has_more: false } : fail('thread_not_found');
  },
};
