import type { Channel, WorkspaceUser } from './model.js';

/** The workspace the playground emulates: its team, the bot, four people and two channels. */
export const TEAM = { id: 'TPLAYGROUND', domain: 'playground', name: 'Playground' } as const;

export const BOT = { userId: 'UPLAYBOT', botId: 'BPLAYBOT', appId: 'APLAYGROUND', name: 'openai-admin' } as const;

/** The app's name as the console shows it (its messages, its Home). */
export const APP_NAME = 'OpenAI Admin';

export const USERS: readonly WorkspaceUser[] = [
  { id: 'UPLAYADMIN', name: 'ada', realName: 'Ada Lovelace', email: 'ada@example.com', title: 'policy admin' },
  { id: 'UPLAYAPPR1', name: 'grace', realName: 'Grace Hopper', email: 'grace@example.com', title: 'approver' },
  { id: 'UPLAYAPPR2', name: 'alan', realName: 'Alan Turing', email: 'alan@example.com', title: 'approver' },
  {
    id: 'UPLAYVIEW',
    name: 'katherine',
    realName: 'Katherine Johnson',
    email: 'katherine@example.com',
    title: 'viewer',
  },
];

export const CHANNELS: readonly Channel[] = [
  { id: 'CPLAYOPS', name: 'ops', topic: 'Run /openai here. A spend digest arrives every day at 09:00 UTC.' },
  { id: 'CPLAYAPPR', name: 'approvals', topic: 'Approval cards for destructive changes.' },
];

/** A Slack user group (`@approvers`), answering `usergroups.users.list`. */
export const USER_GROUPS: Readonly<Record<string, { handle: string; users: readonly string[] }>> = {
  SPLAYAPPR: { handle: 'approvers', users: ['UPLAYAPPR1', 'UPLAYAPPR2'] },
};

/** Each person's direct-message conversation with the bot. */
export const dmOf = (userId: string): string => `D${userId.replace(/^U/, '')}`;

/** The person a direct-message conversation with the bot belongs to, if `channel` is one. */
export const userOfDm = (channel: string): string | undefined => {
  if (!channel.startsWith('D')) return undefined;
  const user = USERS.find((u) => dmOf(u.id) === channel);
  return user?.id;
};

export const userById = (id: string): WorkspaceUser | undefined => USERS.find((u) => u.id === id);
