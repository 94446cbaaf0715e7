import type { UsageKind } from '../usage-kinds.js';

export const ORG_ROLES = ['owner', 'reader'] as const;
export const PROJECT_ROLES = ['owner', 'member'] as const;
export const ORG_RETENTION_TYPES = [
  'zero_data_retention',
  'modified_abuse_monitoring',
  'enhanced_zero_data_retention',
  'enhanced_modified_abuse_monitoring',
] as const;
export const PROJECT_RETENTION_TYPES = ['organization_default', 'none', ...ORG_RETENTION_TYPES] as const;

export type OrgRole = (typeof ORG_ROLES)[number];
export type ProjectRole = (typeof PROJECT_ROLES)[number];
export type OrgRetentionType = (typeof ORG_RETENTION_TYPES)[number];
export type ProjectRetentionType = (typeof PROJECT_RETENTION_TYPES)[number];

export interface UserRecord {
  id: string;
  email: string;
  name: string | null;
  role: OrgRole;
  addedAt: number;
  technicalLevel: string | null;
  developerPersona: string | null;
  roleId: string | null;
}

export interface InviteProject {
  id: string;
  role: ProjectRole;
}

export interface InviteRecord {
  id: string;
  email: string;
  role: OrgRole;
  status: 'pending' | 'accepted';
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  /** `null` when the create body omitted `projects` (the user then joins the default project). */
  projects: InviteProject[] | null;
}

export interface MemberRecord {
  userId: string;
  role: ProjectRole;
  addedAt: number;
}

export interface ServiceAccountRecord {
  id: string;
  name: string;
  role: ProjectRole | 'none';
  createdAt: number;
}

export type KeyOwner = { type: 'user'; userId: string } | { type: 'service_account'; serviceAccountId: string };

export interface ProjectApiKeyRecord {
  id: string;
  name: string;
  value: string;
  createdAt: number;
  lastUsedAt: number | null;
  expiresAt: number | null;
  scopes: string[];
  owner: KeyOwner;
}

export interface RateLimitRecord {
  id: string;
  model: string;
  max_requests_per_1_minute: number;
  max_tokens_per_1_minute: number;
  max_images_per_1_minute?: number;
  max_audio_megabytes_per_1_minute?: number;
  max_requests_per_1_day?: number;
  batch_1_day_max_input_tokens?: number;
}

export interface ModelPermissionsRecord {
  mode: 'allow_list' | 'deny_list';
  model_ids: string[];
}

export interface NotificationChannel {
  type: 'email';
  recipients: string[];
  subject_prefix?: string | null | undefined;
}

export interface SpendAlertRecord {
  id: string;
  threshold_amount: number;
  currency: 'USD';
  interval: 'month';
  notification_channel: NotificationChannel;
}

export interface SpendLimitRecord {
  threshold_amount: number;
  currency: 'USD';
  interval: 'month';
}

export interface ProjectRecord {
  id: string;
  name: string;
  createdAt: number;
  archivedAt: number | null;
  externalKeyId: string | null;
  /** Data residency region chosen at creation; `null` when none was. */
  residency: string | null;
  isDefault: boolean;
  members: Map<string, MemberRecord>;
  serviceAccounts: Map<string, ServiceAccountRecord>;
  apiKeys: Map<string, ProjectApiKeyRecord>;
  rateLimits: Map<string, RateLimitRecord>;
  modelPermissions: ModelPermissionsRecord | null;
  spendAlerts: Map<string, SpendAlertRecord>;
  spendLimit: SpendLimitRecord | null;
  dataRetention: ProjectRetentionType;
  /** Groups with access to the project, by group id. */
  groups: Map<string, ProjectGroupRecord>;
}

/** A group's access to a project, with the project role (an id) it was given. */
export interface ProjectGroupRecord {
  groupId: string;
  roleId: string;
  addedAt: number;
}

export interface AdminKeyOwner {
  type: 'user' | 'service_account';
  object: string;
  id: string;
  name: string;
  created_at: number;
  role: string;
}

export interface AdminKeyRecord {
  id: string;
  name: string;
  value: string;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  owner: AdminKeyOwner;
}

export interface GroupRecord {
  id: string;
  name: string;
  createdAt: number;
  /** user id → time added */
  members: Map<string, number>;
}

/** An audit-log event exactly as the API returns it (the payload sits under a key named like `type`). */
export interface AuditLogRecord {
  id: string;
  type: string;
  effective_at: number;
  project?: { id: string; name: string };
  actor: Record<string, unknown> | null;
  [payloadKey: string]: unknown;
}

export interface CostRecord {
  startTime: number;
  amount: number;
  projectId: string | null;
  lineItem: string | null;
  apiKeyId: string | null;
  quantity: number | null;
}

/** Seeded usage of one kind at one moment: grouping values and figures, by the API's field names. */
export interface UsageRecord {
  kind: UsageKind;
  /** Unix seconds. */
  time: number;
  values: Readonly<Record<string, string | number | boolean | null>>;
}
