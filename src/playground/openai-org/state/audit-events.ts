import type { AuditLogRecord } from './records.js';
import type { StateCore } from './state-core.js';

/** What an audit event is about; unset fields get the defaults of an API call made with the bot's key. */
export interface AuditEventInput {
  type: string;
  payload?: Record<string, unknown>;
  effectiveAt?: number;
  /** Project id the event is attributed to; `null` for none; default: the default project. */
  projectId?: string | null;
  actor?: Record<string, unknown> | null;
}

/** The actor of a call made with an admin key owned by the org owner. */
export function apiKeyActor(state: StateCore, keyId: string): Record<string, unknown> {
  return {
    type: 'api_key',
    api_key: { id: keyId, type: 'user', user: { id: state.owner.id, email: state.owner.email } },
  };
}

/** The actor of something a person did in the dashboard. */
export function sessionActor(user: { id: string; email: string }): Record<string, unknown> {
  return { type: 'session', session: { user: { id: user.id, email: user.email }, ip_address: '127.0.0.1' } };
}

/** Appends an event to the log and returns it. */
export function appendAuditEvent(state: StateCore, input: AuditEventInput): AuditLogRecord {
  const projectId = input.projectId === undefined ? state.defaultProjectId : input.projectId;
  const project = projectId === null ? undefined : state.projects.get(projectId);
  const record: AuditLogRecord = {
    id: state.ids.next('audit_log', '-'),
    type: input.type,
    effective_at: input.effectiveAt ?? state.now,
    actor: input.actor === undefined ? apiKeyActor(state, state.botKeyId) : input.actor,
    [input.type]: input.payload ?? {},
  };
  if (project) record.project = { id: project.id, name: project.name };
  else if (projectId !== null) record.project = { id: projectId, name: projectId };
  state.auditLogs.push(record);
  return record;
}
