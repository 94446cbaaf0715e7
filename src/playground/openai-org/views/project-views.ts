import { redact } from '../ids.js';
import type { FakeState } from '../state/fake-state.js';
import type {
  MemberRecord,
  ProjectApiKeyRecord,
  ProjectRecord,
  RateLimitRecord,
  ServiceAccountRecord,
  SpendAlertRecord,
  SpendLimitRecord,
} from '../state/records.js';

/** `organization.project.user` */
export function projectUserView(state: FakeState, member: MemberRecord) {
  const user = state.users.get(member.userId);
  return {
    object: 'organization.project.user',
    id: member.userId,
    name: user?.name ?? null,
    email: user?.email ?? null,
    role: member.role,
    added_at: member.addedAt,
  };
}

/** `organization.project.service_account` (without the create-only `api_key`). */
export function serviceAccountView(account: ServiceAccountRecord) {
  return {
    object: 'organization.project.service_account',
    id: account.id,
    name: account.name,
    role: account.role,
    created_at: account.createdAt,
  };
}

/** The once-only secret of a service-account key. */
export function serviceAccountKeyView(key: ProjectApiKeyRecord) {
  return {
    object: 'organization.project.service_account.api_key',
    value: key.value,
    name: key.name,
    created_at: key.createdAt,
    id: key.id,
  };
}

/** `organization.project.api_key` with owner details. */
export function projectApiKeyView(state: FakeState, project: ProjectRecord, key: ProjectApiKeyRecord) {
  return {
    object: 'organization.project.api_key',
    id: key.id,
    name: key.name,
    redacted_value: redact(key.value),
    created_at: key.createdAt,
    last_used_at: key.lastUsedAt,
    owner_project_access: state.ownerAccess(project, key),
    owner: ownerView(state, project, key),
  };
}

function ownerView(state: FakeState, project: ProjectRecord, key: ProjectApiKeyRecord) {
  if (key.owner.type === 'service_account') {
    const account = project.serviceAccounts.get(key.owner.serviceAccountId);
    return {
      type: 'service_account',
      service_account: {
        id: key.owner.serviceAccountId,
        name: account?.name ?? '',
        created_at: account?.createdAt ?? key.createdAt,
        role: account?.role ?? '',
      },
    };
  }
  const user = state.users.get(key.owner.userId);
  const member = project.members.get(key.owner.userId);
  return {
    type: 'user',
    user: {
      id: key.owner.userId,
      email: user?.email ?? '',
      name: user?.name ?? '',
      created_at: user?.addedAt ?? key.createdAt,
      role: member?.role ?? '',
    },
  };
}

/** `project.rate_limit` */
export function rateLimitView(limit: RateLimitRecord) {
  return { object: 'project.rate_limit', ...limit };
}

/** `organization.spend_alert` or `project.spend_alert` */
export function spendAlertView(alert: SpendAlertRecord, level: 'organization' | 'project') {
  return { id: alert.id, object: `${level}.spend_alert`, ...withoutId(alert) };
}

function withoutId(alert: SpendAlertRecord) {
  const { id: _id, ...rest } = alert;
  return rest;
}

/** `organization.spend_limit` or `project.spend_limit`; `enforcing` once month-to-date cost reaches the limit. */
export function spendLimitView(limit: SpendLimitRecord, level: 'organization' | 'project', spentDollars: number) {
  return {
    object: `${level}.spend_limit`,
    threshold_amount: limit.threshold_amount,
    currency: limit.currency,
    interval: limit.interval,
    enforcement: { status: spentDollars * 100 >= limit.threshold_amount ? 'enforcing' : 'inactive' },
  };
}
