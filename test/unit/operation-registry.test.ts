import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operations } from '../../src/domain/operations/index.js';
import type { AnyOperation, ArgSpec } from '../../src/domain/operations/operation.js';
import { PAYMENTS_CERT } from '../fixtures/certificates.js';

/** The object schema under an operation's input (through `.transform`, `.default`, `.optional`). */
function objectOf(schema: z.ZodType): z.ZodObject | undefined {
  let node: z.ZodType | undefined = schema;
  for (let depth = 0; node && depth < 8; depth++) {
    if (node instanceof z.ZodObject) return node;
    if (node instanceof z.ZodPipe) node = node.def.in as z.ZodType;
    else if (node instanceof z.ZodDefault || node instanceof z.ZodOptional) node = node.def.innerType as z.ZodType;
    else return undefined;
  }
  return undefined;
}

const shapeOf = (operation: AnyOperation, schema: z.ZodType = operation.input) => {
  const object = objectOf(schema);
  if (!object) throw new Error(`${operation.name}: its schema is not an object schema`);
  return object.shape as Record<string, z.ZodType>;
};

/** A key is required when its schema refuses `undefined` (no `.optional()`, no `.default()`). */
const requiredKeys = (operation: AnyOperation) =>
  Object.entries(shapeOf(operation))
    .filter(([, schema]) => !schema.safeParse(undefined).success)
    .map(([key]) => key);

/** What a person could type for an argument, by the kind of value it takes. */
function sampleOf(arg: ArgSpec): unknown {
  if (arg.boolean) return true;
  const one =
    arg.choices?.[0] ??
    {
      user: 'ada@example.com',
      email: 'ada@example.com',
      project: 'proj_1',
      number: '5',
      date: '2026-01-01',
      select: '',
      text: 'sample',
      'long-text': 'sample',
    }[arg.input ?? 'text'];
  return arg.repeatable ? [one] : one;
}

/** Typed values where the kind of value alone does not say what fits. */
const SAMPLES: Record<string, Record<string, unknown>> = {
  'invites.create': { project: ['proj_1:member'] },
  'spend-alerts.create': { amount: '$500', email: ['ops@example.com'] },
  'spend-alerts.update': { alert: 'alert_1', amount: '1,250.50' },
  'spend-limit.set': { amount: '500' },
  'rate-limits.set': { model: 'gpt-5', tpm: '5k', rpm: '1,000' },
  'retention.set': { type: 'zero_data_retention' },
  'approvals.cancel': { request: 'req_abc123' },
  'approvals.show': { request: 'req_abc123' },
  'grants.revoke': { grant: 'grant_abc123' },
  'projects.add-group': { role: 'role_abc123' },
  'roles.create': { permission: ['api.audit_logs.read', 'API.usage.read,api.costs.read'] },
  'roles.update': { permission: ['api.audit_logs.read'], description: 'Reads logs' },
  'roles.assign': { user: '<@U123>' },
  'roles.unassign': { group: 'Research', project: 'proj_1' },
  'roles.of': { user: 'ada@example.com' },
  'certificates.upload': { certificate: PAYMENTS_CERT },
  'admin-keys.create': { expires_in: '90d' },
  'digest.subscribe': { schedule: ['daily', '09:00', 'Europe/Berlin'] },
  'access.request': { for: '8h' },
  'embers.add': { for: '2h' },
  'users.role': { for: '1d' },
  'keys.stale': { unused: '30d' },
  'keys.revoke-stale': { unused: '30d' },
  'watch.subscribe': { type: ['api_key.*'] },
  'audit.list': { since: '7d', limit: '20' },
  'costs.report': { since: '12w', by: 'line-item', limit: '10' },
  'usage.report': { type: 'images', by: 'size', since: '7d', limit: '10' },
};

/** What `resolve` could have looked up, by the name of the field it fills. */
const LOOKED_UP: Record<string, unknown> = {
  projectId: 'proj_1',
  projectName: 'Research',
  certificateId: 'cert_1',
  certificateName: 'Payments',
  certificateIds: ['cert_1'],
  certificateLabels: ['Payments (cert_1)'],
  unchanged: [],
  keyName: 'ci',
  owner: 'ada@example.com',
  lastUsed: 'never used',
  serviceAccountId: 'user-abc',
  serviceAccountName: 'ci-bot',
  groupId: 'group_1',
  groupName: 'Research',
  scimManaged: false,
  people: [{ ref: 'ada@example.com', userId: 'user-ada', email: 'ada@example.com' }],
  alreadyIn: [],
  userId: 'user-ada',
  email: 'ada@example.com',
  roleId: 'role_abc123',
  roleName: 'Reader',
  oldName: 'Research',
  inviteId: 'invite-1',
  redacted: 'sk-admin-...abcd',
};

/** Looked-up values whose kind depends on the operation. */
const LOOKED_UP_FOR: Record<string, Record<string, unknown>> = {
  'retention.set': { current: 'organization_default' },
  'spend-limit.set': { current: null },
  'spend-limit.remove': { current: 50000 },
  'spend-alerts.update': { before: { cents: 50000, emails: ['ops@example.com'], prefix: null } },
  'rate-limits.set': { rateLimitId: 'rl-gpt-5', current: { tpm: 1000, rpm: null } },
  'models.allow': { current: null },
  'models.deny': { current: { mode: 'allow_list', model_ids: ['gpt-5'] } },
  'models.clear': { current: { mode: 'deny_list', model_ids: [] } },
  'projects.archive': { name: 'Research' },
  'users.remove': { name: 'Ada', role: 'reader' },
  'users.role': { currentRole: 'reader' },
  'members.role': { currentRole: 'member' },
  'roles.delete': { permissions: ['api.audit_logs.read'] },
  'digest.subscribe': { projectIds: ['proj_1'], projectNames: ['Research'] },
  'spend.digest': { projectIds: null, projectNames: [] },
  'costs.report': { start: 1767225600, end: 1769904000 },
  'usage.report': { start: 1767225600, end: 1769904000, projectIds: ['proj_1'], projectNames: ['Research'] },
  'keys.revoke-stale': {
    keys: [
      {
        kind: 'project',
        id: 'key_1',
        name: 'ci',
        projectId: 'proj_1',
        projectName: 'Research',
        owner: 'ada@example.com',
        reasons: ['unused for 90 days'],
      },
    ],
    scope: 'the organization',
  },
  'roles.assign': { principalKind: 'user', principalId: 'user-1', principalLabel: 'ada@example.com', permissions: [] },
  'roles.unassign': {
    principalKind: 'group',
    principalId: 'group_1',
    principalLabel: 'group Research',
    permissions: ['api.usage.read'],
  },
  'roles.of': { principalKind: 'user', principalId: 'user-1', principalLabel: 'ada@example.com' },
  'roles.update': { permissions: ['api.usage.read'], currentDescription: null },
  'access.request': { currentRole: null, requesterChatId: 'U123', approval_channel: null },
  'members.remove': { currentRole: 'member' },
  'spend-alerts.delete': { cents: 50000, emails: ['ops@example.com'] },
};

/** A resolved value: the validated sample input with each looked-up field filled as `resolve` fills it. */
function sampleResolved(operation: AnyOperation, typed: unknown): Record<string, unknown> {
  const value: Record<string, unknown> = { ...(typed as Record<string, unknown>) };
  const typedKeys = Object.keys(shapeOf(operation));
  const lookedUp = { ...LOOKED_UP, ...LOOKED_UP_FOR[operation.name] };
  for (const key of Object.keys(shapeOf(operation, operation.resolved))) {
    if (!typedKeys.includes(key) && key in lookedUp) value[key] = lookedUp[key];
  }
  return value;
}

/**
 * The audit log's input still carries what `resolve` and paging fill (project ids, the absolute time range, the
 * page cursor): its "More" button sends that back through the input schema to fetch the next page, so it keeps
 * one schema until paging carries resolved values of its own.
 */
const MIXED_INPUT = new Set<string>(['audit.list']);

function sampleInput(operation: AnyOperation): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const arg of operation.args) if (!arg.optional) raw[arg.name] = sampleOf(arg);
  return { ...raw, ...SAMPLES[operation.name] };
}

const byName = operations.map((operation) => [operation.name, operation] as const);

/**
 * The rule for input schemas. Input is validated before `resolve` runs, and an approved request runs its stored
 * (validated, resolved) input only after validating it again, so:
 * - every argument names a key of the input schema (a typed value lands somewhere the schema checks), and every
 *   key of the input is an argument: what `resolve` looks up (a project id for a project name) belongs to the
 *   `resolved` schema, since validation comes first and a person could never supply it;
 * - the resolved value keeps what was typed and parses again to itself under `resolved`, as an approved request
 *   stores it and checks it again before it runs;
 * - validated input is valid input: parsing what the schema produced gives it back unchanged, so a request that
 *   waited for approval runs exactly as it was shown.
 */
describe('every operation of the registry', () => {
  it.each(byName)('%s: each argument names a key of its input schema', (_name, operation) => {
    const keys = Object.keys(shapeOf(operation));
    expect(operation.args.map((arg) => arg.name).filter((name) => !keys.includes(name))).toEqual([]);
  });

  it.each(byName)('%s: each key of its input is named by an argument', (_name, operation) => {
    if (MIXED_INPUT.has(operation.name)) return;
    const args = operation.args.map((arg) => arg.name);
    expect(Object.keys(shapeOf(operation)).filter((key) => !args.includes(key))).toEqual([]);
  });

  it.each(byName)('%s: each required key of its input comes from an argument', (_name, operation) => {
    const args = operation.args.map((arg) => arg.name);
    expect(requiredKeys(operation).filter((key) => !args.includes(key))).toEqual([]);
  });

  it.each(byName)('%s: its validated input parses again to itself', (_name, operation) => {
    const first = operation.input.safeParse(sampleInput(operation));
    expect(first.error?.issues ?? []).toEqual([]);
    const stored = JSON.parse(JSON.stringify(first.data));
    const again = operation.input.safeParse(stored);
    expect(again.error?.issues ?? []).toEqual([]);
    expect(again.data).toEqual(stored);
  });

  it.each(byName.filter(([, operation]) => operation.resolved))(
    '%s: its resolved value holds what was typed and parses again to itself',
    (_name, operation) => {
      const resolvedKeys = Object.keys(shapeOf(operation, operation.resolved));
      expect(Object.keys(shapeOf(operation)).filter((key) => !resolvedKeys.includes(key))).toEqual([]);
      const typed = operation.input.parse(sampleInput(operation));
      const first = operation.resolved?.safeParse(sampleResolved(operation, typed));
      expect(first?.error?.issues ?? []).toEqual([]);
      const stored = JSON.parse(JSON.stringify(first?.data));
      const again = operation.resolved?.safeParse(stored);
      expect(again?.error?.issues ?? []).toEqual([]);
      expect(again?.data).toEqual(stored);
    },
  );
});
