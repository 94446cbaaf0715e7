import { z } from 'zod';
import {
  APPROVAL_STATES,
  type ApprovalRequest,
  type ApprovalVote,
  REQUEST_SOURCES,
} from '../domain/approvals/model.js';
import type { AuditEvent } from '../domain/audit-trail/model.js';
import type { DigestSubscription } from '../domain/digests/subscription.js';
import type { JsonValue } from '../domain/json.js';
import type { PendingSecret } from '../domain/secrets/pending-secret.js';

/** Integers arrive as numbers, or as strings from a PostgreSQL pool that does not parse int8. */
const integer = z.coerce.number().int();
const nullableText = z.string().nullable();

const jsonText = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'stored text is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const jsonObject = z.record(z.string(), z.json());
const stringList = z.array(z.string());

const approvalRequestRow = z.object({
  id: z.string(),
  operation: z.string(),
  input: jsonText(jsonObject),
  summary: z.string(),
  requester_id: z.string(),
  requester_email: nullableText,
  requester_source: z.enum(REQUEST_SOURCES),
  channel_id: z.string(),
  reason: nullableText,
  state: z.enum(APPROVAL_STATES),
  required_approvals: integer,
  approver_role: z.string(),
  created_at: integer,
  expires_at: integer,
  card_channel: nullableText,
  card_ts: nullableText,
  result: jsonText(z.json()).nullable(),
  error: jsonText(z.json()).nullable(),
  openai_request_id: nullableText,
  decided_by: nullableText,
  decided_at: integer.nullable(),
  decision_reason: nullableText,
});

const approvalVoteRow = z.object({ request_id: z.string(), user_id: z.string(), at: integer });

const auditEventRow = z.object({
  id: integer,
  request_id: nullableText,
  event: z.string(),
  actor_id: nullableText,
  at: integer,
  operation: nullableText,
  input: jsonText(z.json()).nullable(),
  detail: jsonText(z.json()).nullable(),
  openai_request_id: nullableText,
});

const digestSubscriptionRow = z.object({
  id: z.string(),
  channel_id: z.string(),
  schedule: z.string(),
  timezone: z.string(),
  project_ids: jsonText(stringList).nullable(),
  muted_sections: jsonText(stringList),
  created_by: z.string(),
  created_at: integer,
});

const pendingSecretRow = z.object({
  id: z.string(),
  owner_user_id: z.string(),
  ciphertext: z.string(),
  created_at: integer,
  expires_at: integer,
});

function decode<T extends z.ZodType>(schema: T, table: string, row: unknown): z.output<T> {
  const parsed = schema.safeParse(row);
  if (!parsed.success) throw new Error(`Unreadable ${table} row in the store: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** JSON for a text column; `null` and `undefined` become SQL NULL. */
export function toJsonText(value: JsonValue | undefined): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export const toApprovalRequest = (row: unknown): ApprovalRequest =>
  decode(approvalRequestRow, 'approval_requests', row);

export const toApprovalVote = (row: unknown): ApprovalVote => decode(approvalVoteRow, 'approval_votes', row);

export const toAuditEvent = (row: unknown): AuditEvent => decode(auditEventRow, 'audit_events', row);

export const toDigestSubscription = (row: unknown): DigestSubscription =>
  decode(digestSubscriptionRow, 'digest_subscriptions', row);

export const toPendingSecret = (row: unknown): PendingSecret => decode(pendingSecretRow, 'pending_secrets', row);
