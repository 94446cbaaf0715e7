import type { AdminApi } from './admin-api/admin-api.js';
import type { ApprovalDesk } from './approvals/approval-desk.js';
import type { ApprovalStore } from './approvals/approval-store.js';
import type { UserDirectory } from './approvals/ports.js';
import type { AuditTrail } from './audit-trail/ports.js';
import type { Coordination } from './coordination/ports.js';
import type { SubscriptionStore } from './digests/subscription-store.js';
import type { GrantService } from './grants/grant-service.js';
import type { BotKeyCheck } from './secrets/bot-key.js';
import type { SecretVault } from './secrets/ports.js';
import type { WatchStore } from './watch/ports.js';

/** The parts of the store operations (and the approvals that run them) read and write. */
export type OperationStore = ApprovalStore &
  AuditTrail &
  SubscriptionStore &
  Coordination & {
    readonly watches: WatchStore;
  };

/** What operations may use. Built once by the composition root, complete at construction. */
export interface OperationDeps {
  readonly admin: AdminApi;
  readonly store: OperationStore;
  readonly now: () => Date;
  /**
   * The approvals commands read and cancel requests through it. A function, because the approval service is built
   * from these very deps: it is called only when an operation runs, by then the service exists.
   */
  readonly approvals?: () => ApprovalDesk;
  /** Time-bound access (`--for`): records grants and takes them back at expiry. */
  readonly grants?: GrantService;
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
