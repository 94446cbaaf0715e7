import type { Channel, Message, SharedFile, ViewRecord, WorkspaceEvent, WorkspaceUser } from '../workspace/model.js';

export type { Channel, Message, SharedFile as SharedFileView, ViewRecord, WorkspaceEvent, WorkspaceUser };

/** What the console receives first on its event stream. */
export interface Hello {
  app: { name: string; botUserId: string };
  users: WorkspaceUser[];
  channels: Channel[];
  messages: Message[];
  views: ViewRecord[];
}

/** A Block Kit composition object for text. */
export interface TextObject {
  type: 'plain_text' | 'mrkdwn';
  text: string;
  emoji?: boolean;
}

export interface OptionObject {
  text: TextObject;
  value: string;
  description?: TextObject;
}

export interface ConfirmObject {
  title?: TextObject;
  text?: TextObject;
  confirm?: TextObject;
  deny?: TextObject;
  style?: 'primary' | 'danger';
}

/** Any Block Kit element or block, read loosely: the renderer checks each field it uses. */
export interface BlockKitNode {
  type: string;
  block_id?: string;
  action_id?: string;
  [field: string]: unknown;
}

/** An input's value in `view.state.values` form. */
export interface ElementState {
  type: string;
  value?: string | null;
  selected_option?: { text: { type: 'plain_text'; text: string }; value: string } | null;
  selected_options?: { text: { type: 'plain_text'; text: string }; value: string }[];
  selected_date?: string | null;
}

export type StateValues = Record<string, Record<string, ElementState>>;

/** What a person did to an element, as the console sends it on. */
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

/** Each person's direct-message conversation with the bot (as the workspace names it). */
export const dmOf = (userId: string): string => `D${userId.replace(/^U/, '')}`;
