/** The emulated workspace's records, as kept in memory and in its file, and as the console receives them. */

export interface WorkspaceUser {
  readonly id: string;
  /** Handle, as typed after `@`. */
  readonly name: string;
  readonly realName: string;
  readonly email: string;
  /** What the console says this person may do under the playground policy. */
  readonly title: string;
}

export interface Channel {
  readonly id: string;
  readonly name: string;
  readonly topic: string;
}

/** A file shared into a conversation (`files.completeUploadExternal`), served by the console at `url`. */
export interface SharedFile {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly mimetype: string;
  readonly altText: string | undefined;
  readonly size: number;
  readonly url: string;
}

export interface Message {
  /** `<channel>:<ts>`, or `eph:<n>` for an ephemeral message. */
  readonly key: string;
  readonly channel: string;
  readonly ts: string;
  /** Who wrote it: a user id, or the bot's user id. */
  readonly author: string;
  text: string;
  blocks: unknown[] | undefined;
  readonly threadTs: string | undefined;
  /** Set for an ephemeral message: the only person who sees it. */
  readonly visibleTo: string | undefined;
  files: SharedFile[];
  edited: boolean;
  /** The slash command a response in the channel answers, shown above it as Slack does. */
  readonly command: string | undefined;
}

/** A modal in someone's stack, or their App Home. */
export interface ViewRecord {
  readonly id: string;
  readonly userId: string;
  readonly kind: 'modal' | 'home';
  hash: string;
  view: Record<string, unknown>;
  /** Inline errors from the last `response_action: errors`, by block id. */
  errors: Record<string, string>;
  /** Input values as last sent by the console, `view.state.values` form. */
  state: Record<string, Record<string, unknown>>;
  /** Position in the user's modal stack (0 is the root); homes are -1. */
  depth: number;
}

/** What a `response_url` answers into: where it came from and the message it last showed. */
export interface ResponseTarget {
  readonly channel: string;
  readonly userId: string;
  /** The command line it answers, for replies in the channel. */
  readonly command: string | undefined;
  /** The message the URL replaces or deletes (`replace_original`, `delete_original`). */
  original: string | undefined;
  readonly createdAt: number;
  posts: number;
}

/** Everything the workspace holds, as written to its file. */
export interface WorkspaceData {
  version: 1;
  seq: number;
  messages: Message[];
  views: ViewRecord[];
  files: { file: SharedFile; base64: string }[];
}

/** One change, as pushed to consoles. */
export type WorkspaceEvent =
  | { type: 'message'; message: Message }
  | { type: 'message-deleted'; key: string }
  | { type: 'view'; view: ViewRecord }
  | { type: 'view-closed'; id: string; userId: string }
  | { type: 'notice'; userId: string; text: string };
