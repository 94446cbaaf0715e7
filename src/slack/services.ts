import type { Logger } from 'pino';
import type { ApprovalService } from '../domain/approvals/approval-service.js';
import type { CommandService } from '../domain/command-service.js';
import type { GrantService } from '../domain/grants/grant-service.js';
import type { AnyOperation } from '../domain/operations/operation.js';
import type { SecretVault } from '../domain/secrets/ports.js';
import type { SuggestionService } from '../domain/suggestions.js';
import type { InFlight } from '../in-flight.js';
import type { HomePublisher } from './home-publisher.js';
import type { WorkingNotes } from './working-notes.js';

/** The one edge where failures become replies (error-reply.ts), given the payload the failed work answers. */
export type ReplyError = (error: unknown, body: unknown) => Promise<void>;

/** What Slack listeners may call. Built by the composition root. */
export interface SlackServices {
  readonly commands: CommandService;
  readonly approvals: ApprovalService;
  /** Time-bound grants, for the Home tab's list of one's own. */
  readonly grants?: GrantService;
  readonly operations: readonly AnyOperation[];
  /** New key values waiting to be revealed once by their owner. */
  readonly secrets: SecretVault;
  /** Projects and members to pick from in forms, searched as the user types. */
  readonly suggestions: SuggestionService;
  readonly logger: Logger;
  /** Work that continues after the ack; drained on shutdown. */
  readonly inFlight: InFlight;
  /** App Home tabs, published when opened and when a request changes. */
  readonly homes?: HomePublisher;
  /** "Working on it…" notes for slow commands; set by `attachServices`. */
  readonly workingNotes?: WorkingNotes;
  /** The error edge, for failures of work after an acknowledgement; set by `attachServices`. */
  readonly replyError: ReplyError;
}
