import type { Logger } from 'pino';
import type { ApprovalService } from '../domain/approvals/approval-service.js';
import type { CommandService } from '../domain/command-service.js';
import type { AnyOperation } from '../domain/operations/operation.js';
import type { InFlight } from '../in-flight.js';

/** What Slack listeners may call. Built by the composition root. */
export interface SlackServices {
  readonly commands: CommandService;
  readonly approvals: ApprovalService;
  readonly operations: readonly AnyOperation[];
  readonly logger: Logger;
  /** Work that continues after the ack; drained on shutdown. */
  readonly inFlight: InFlight;
}
