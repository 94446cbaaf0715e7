import { describe, expect, it } from 'vitest';
import { KNOWN_EVENT_TYPES } from '../../src/domain/audit-logs/event-types.js';
import { isTenantScoped, selectTypes } from '../../src/domain/audit-logs/type-filter.js';

const ok = (patterns: string[]) => {
  const result = selectTypes(patterns);
  if (!result.ok) throw new Error(result.error);
  return result;
};

describe('audit event-type selection', () => {
  it('knows the 145 documented types, each once, 86 of them tenant-scoped plus two role types', () => {
    expect(KNOWN_EVENT_TYPES).toHaveLength(145);
    expect(new Set(KNOWN_EVENT_TYPES).size).toBe(145);
    expect(KNOWN_EVENT_TYPES.filter(isTenantScoped)).toHaveLength(88);
  });

  it('expands a family written with .* or bare to every known type with that prefix', () => {
    expect(ok(['api_key.*']).types).toEqual(['api_key.created', 'api_key.updated', 'api_key.deleted']);
    expect(ok(['project']).types).toEqual([
      'project.created',
      'project.updated',
      'project.archived',
      'project.deleted',
    ]);
    expect(ok(['ip_allowlist.config.*']).types).toEqual([
      'ip_allowlist.config.activated',
      'ip_allowlist.config.deactivated',
    ]);
    // `certificate.*` must not swallow the separate `certificates` family.
    expect(ok(['certificate.*']).types).toHaveLength(3);
  });

  it('merges patterns without repeating a type', () => {
    expect(ok(['project.*', 'project.archived', 'invite.sent']).types).toHaveLength(5);
  });

  it('sends an unknown exact type as is, with a note suggesting the nearest known one', () => {
    const result = ok(['project.archivd']);
    expect(result.types).toEqual(['project.archivd']);
    expect(result.notes).toEqual([
      'project.archivd is not a known event type (did you mean project.archived?); asked for it as is.',
    ]);
  });

  it('asks tenant-scoped types with tenant_only and organization types without', () => {
    expect(ok(['tenant.*'])).toMatchObject({ tenantOnly: true });
    expect(ok(['tenant.*']).types).toHaveLength(86);
    expect(ok(['role.bound_to_resource'])).toMatchObject({ tenantOnly: true });
    expect(ok(['login.*'])).toMatchObject({ tenantOnly: false });
    expect(ok([])).toEqual({ ok: true, types: [], tenantOnly: false, notes: [] });
  });

  it('leaves tenant types a family brought in out of an organization query, saying so', () => {
    const result = ok(['role.*']);
    expect(result.types).toEqual([
      'role.created',
      'role.updated',
      'role.deleted',
      'role.assignment.created',
      'role.assignment.deleted',
    ]);
    expect(result.notes[0]).toContain(
      'Left out tenant-scoped types role.bound_to_resource, role.unbound_from_resource',
    );
  });

  it('refuses to mix tenant types asked for by name with organization types', () => {
    expect(selectTypes(['role.bound_to_resource', 'project.archived'])).toEqual({
      ok: false,
      error:
        'role.bound_to_resource is tenant-scoped, and OpenAI lists tenant events only on their own; ask for them in a separate /openai audit.',
    });
    expect(selectTypes(['tenant.*', 'login.*']).ok).toBe(false);
  });

  it.each([
    ['*', 'Leave --type out to see every event type.'],
    ['nope.*', '"nope.*" matches no known event type. Families: api_key, certificate, certificates'],
    ['Project Archived', '"project archived" is not an event type'],
    ['project..archived', 'is not an event type'],
  ])('refuses %s with a specific message', (pattern, message) => {
    const result = selectTypes([pattern]);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(message);
  });
});
