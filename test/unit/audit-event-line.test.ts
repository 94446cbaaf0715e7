import { describe, expect, it } from 'vitest';
import { type AuditLog, auditLog } from '../../src/domain/admin-api/audit-logs.js';
import { eventLine } from '../../src/domain/audit-logs/event-line.js';

const AT = Date.parse('2026-11-20T14:03:27Z') / 1000;
const event = (fields: Record<string, unknown>): AuditLog =>
  auditLog.parse({ id: 'audit_log-1', effective_at: AT, actor: null, ...fields });
const session = (email: string) => ({
  type: 'session',
  session: { user: { id: 'user-1', email }, ip_address: '1.2.3.4' },
});

describe('audit event lines', () => {
  it('shows time, type, actor and the target with its project name', () => {
    const line = eventLine(
      event({
        type: 'project.archived',
        actor: session('alice@x.com'),
        project: { id: 'proj_abc', name: 'Research' },
        'project.archived': { id: 'proj_abc' },
      }),
    );
    expect(line).toBe('2026-11-20 14:03  project.archived  alice@x.com → proj_abc (Research)');
  });

  it('names keys, their owners and service accounts as actors', () => {
    const userKey = { type: 'api_key', api_key: { id: 'key_1', type: 'user', user: { id: 'u', email: 'b@x.com' } } };
    const serviceKey = {
      type: 'api_key',
      api_key: { id: 'key_2', type: 'service_account', service_account: { id: 'svc_acct_9' } },
    };
    expect(eventLine(event({ type: 'login.succeeded', actor: userKey }))).toBe(
      '2026-11-20 14:03  login.succeeded  b@x.com (key key_1)',
    );
    expect(eventLine(event({ type: 'login.succeeded', actor: serviceKey }))).toContain(
      'service account svc_acct_9 (key key_2)',
    );
    expect(eventLine(event({ type: 'login.succeeded' }))).toBe('2026-11-20 14:03  login.succeeded  system');
  });

  it('adds the email and role of invites, the new role of updates and the project elsewhere', () => {
    const invite = event({
      type: 'invite.sent',
      actor: session('a@x.com'),
      project: { id: 'proj_default', name: 'Default project' },
      'invite.sent': { id: 'invite-1', data: { email: 'new@x.com', role: 'owner' } },
    });
    expect(eventLine(invite)).toBe(
      '2026-11-20 14:03  invite.sent  a@x.com → invite-1 (new@x.com) as owner in Default project',
    );
    const update = event({
      type: 'user.updated',
      'user.updated': { id: 'user-2', changes_requested: { role: 'owner' } },
    });
    expect(eventLine(update)).toBe('2026-11-20 14:03  user.updated  system → user-2 role → owner');
  });

  it('says why a login failed', () => {
    const failed = event({
      type: 'login.failed',
      actor: session('a@x.com'),
      'login.failed': { error_code: 'invalid_password', error_message: 'Wrong password' },
    });
    expect(eventLine(failed)).toBe('2026-11-20 14:03  login.failed  a@x.com: Wrong password');
  });

  it('summarises payloads of types it does not know, and tolerates none at all', () => {
    const unknown = event({
      type: 'tenant.widget.frobbed',
      'tenant.widget.frobbed': { knob: 'left', settings: { level: 3, nested: { deep: true } }, tags: ['a'] },
    });
    expect(eventLine(unknown)).toBe(
      '2026-11-20 14:03  tenant.widget.frobbed  system → knob=left, settings.level=3, settings.nested.deep=true',
    );
    expect(eventLine(event({ type: 'brand.new' }))).toBe('2026-11-20 14:03  brand.new  system');
  });

  it('lists the names of certificates and allow-list configs acted on', () => {
    const activated = event({
      type: 'certificates.activated',
      'certificates.activated': { certificates: [{ id: 'cert_1', name: 'edge' }, { id: 'cert_2' }] },
    });
    expect(eventLine(activated)).toBe('2026-11-20 14:03  certificates.activated  system → edge, cert_2');
  });
});
