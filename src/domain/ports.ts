import type { AdminApi } from '../openai-admin/index.js';
import type { Store } from '../storage/store.js';
import type { ApprovalService } from './approvals/approval-service.js';
import type { UserDirectory } from './approvals/ports.js';
import type { GrantService } from './grants/grant-service.js';
import type { BotKeyCheck } from './secrets/bot-key.js';
import type { SecretVault } from './secrets/ports.js';

/** What operations may use. Built once by the composition root. */
export interface OperationDeps {
  readonly admin: AdminApi;
  readonly store: Store;
  readonly now: () => Date;
  /** Set once approvals are wired; the approvals commands read and cancel requests through it. */
  approvals?: ApprovalService;
  /** Time-bound access (`--for`): records grants and takes them back at expiry. */
  grants?: GrantService;
  /** Emails of chat users, so a mention works wherever an email is expected. */
  readonly directory?: UserDirectory;
  /** Where operations hand newly created key values; they never go into a reply. */
  readonly secrets?: SecretVault;
  /** Recognises the admin key this bot runs with, so it is never deleted from here. */
  readonly botKey?: BotKeyCheck;
  /** Shares a file with a channel (audit exports); absent where there is no chat (the CLI). */
  readonly files?: FileSink;
}

/** A file for one person only (exports can hold personal data such as IP addresses). */
export interface SharedFile {
  /** The chat user who receives it in a direct message. */
  recipientUserId: string;
  filename: string;
  title: string;
  content: string;
  /** Posted with the file. */
  comment?: string;
}

/** Sends files privately; the Slack layer implements it with a direct message and the files v2 upload flow. */
export interface FileSink {
  upload(file: SharedFile): Promise<void>;
}

export type { AdminApi, Store };
