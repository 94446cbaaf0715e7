import type { AccessApi } from './access-api.js';
import type { AuditLog, AuditLogPage, AuditLogQuery } from './audit-logs.js';
import type { ApiResponse, Call, Listing, Scope } from './calls.js';
import type {
  AdminApiKey,
  AdminApiKeyCreateParams,
  CreatedAdminApiKey,
  Deleted,
  Invite,
  InviteCreateParams,
  OrganizationUser,
  UserListParams,
  UserUpdateParams,
} from './organization.js';
import type {
  CreatedServiceAccount,
  OwnerProjectAccess,
  Project,
  ProjectApiKey,
  ProjectCreateParams,
  ProjectRole,
  ProjectUser,
  ProjectUserAddParams,
  ServiceAccount,
  ServiceAccountApiKey,
  ServiceAccountCreateParams,
  ServiceAccountKeyParams,
  ServiceAccountUpdateParams,
} from './projects.js';
import type { ReportBucket, ReportEndpoint, ReportQuery } from './reports.js';
import type {
  DataRetention,
  ModelPermissions,
  ModelPermissionsParams,
  RateLimit,
  RateLimitUpdateParams,
  RetentionType,
  SpendAlert,
  SpendAlertParams,
  SpendLimit,
  SpendLimitParams,
} from './settings.js';

export type { ApiResponse };

/**
 * The Admin API as the domain uses it, one property per resource of `/v1/organization/...`. Reads may be
 * retried; a write is sent at most once unless the answer says it was not processed. Failures are the errors of
 * `./errors.js`.
 */
export interface AdminApi extends AccessApi {
  readonly users: {
    list(params?: UserListParams): Listing<OrganizationUser>;
    retrieve(userId: string): Call<OrganizationUser>;
    update(userId: string, body: UserUpdateParams): Call<OrganizationUser>;
    delete(userId: string): Call<Deleted>;
  };
  readonly invites: {
    list(params?: { limit?: number }): Listing<Invite>;
    create(body: InviteCreateParams): Call<Invite>;
    retrieve(inviteId: string): Call<Invite>;
    delete(inviteId: string): Call<Deleted>;
  };
  /** Projects can be created, renamed and archived, never deleted. */
  readonly projects: {
    list(params?: { includeArchived?: boolean; limit?: number }): Listing<Project>;
    create(body: ProjectCreateParams): Call<Project>;
    retrieve(projectId: string): Call<Project>;
    update(projectId: string, body: { name: string }): Call<Project>;
    archive(projectId: string): Call<Project>;
  };
  /** Organization-wide admin credentials; a create response holds the secret once: never log it. */
  readonly adminApiKeys: {
    list(params?: { limit?: number }): Listing<AdminApiKey>;
    create(body: AdminApiKeyCreateParams): Call<CreatedAdminApiKey>;
    retrieve(keyId: string): Call<AdminApiKey>;
    delete(keyId: string): Call<Deleted>;
  };
  /** A create response holds the new key's secret once: never log it. */
  readonly serviceAccounts: {
    list(projectId: string, params?: { limit?: number }): Listing<ServiceAccount>;
    create(projectId: string, body: ServiceAccountCreateParams): Call<CreatedServiceAccount>;
    retrieve(projectId: string, serviceAccountId: string): Call<ServiceAccount>;
    update(projectId: string, serviceAccountId: string, body: ServiceAccountUpdateParams): Call<ServiceAccount>;
    /** A new key each time: never repeated, and its answer holds the secret once. */
    createKey(projectId: string, serviceAccountId: string, body?: ServiceAccountKeyParams): Call<ServiceAccountApiKey>;
    delete(projectId: string, serviceAccountId: string): Call<Deleted>;
  };
  /** There is no create for user keys; deleting a service account's key is refused (delete the account). */
  readonly projectApiKeys: {
    list(
      projectId: string,
      params?: { ownerProjectAccess?: OwnerProjectAccess; limit?: number },
    ): Listing<ProjectApiKey>;
    retrieve(projectId: string, keyId: string): Call<ProjectApiKey>;
    delete(projectId: string, keyId: string): Call<Deleted>;
  };
  /** Members of one project (refused on archived projects). */
  readonly projectUsers: {
    list(projectId: string, params?: { limit?: number }): Listing<ProjectUser>;
    add(projectId: string, body: ProjectUserAddParams): Call<ProjectUser>;
    retrieve(projectId: string, userId: string): Call<ProjectUser>;
    update(projectId: string, userId: string, body: { role: ProjectRole }): Call<ProjectUser>;
    delete(projectId: string, userId: string): Call<Deleted>;
  };
  /** One entry per model; no create or delete, only update. */
  readonly rateLimits: {
    list(projectId: string, params?: { limit?: number }): Listing<RateLimit>;
    update(projectId: string, rateLimitId: string, body: RateLimitUpdateParams): Call<RateLimit>;
  };
  readonly modelPermissions: {
    /** The current list, or `null` when none restricts anything (every model is usable). */
    retrieve(projectId: string): Call<ModelPermissions | null>;
    /** Replaces the whole list. */
    set(projectId: string, body: ModelPermissionsParams): Call<ModelPermissions>;
    /** Lifts the restriction: every model becomes usable. */
    delete(projectId: string): Call<Deleted>;
  };
  /** Amounts are integer cents; update is a full replacement. */
  readonly spendAlerts: {
    list(scope: Scope, params?: { limit?: number }): Listing<SpendAlert>;
    create(scope: Scope, body: SpendAlertParams): Call<SpendAlert>;
    retrieve(scope: Scope, alertId: string): Call<SpendAlert>;
    update(scope: Scope, alertId: string, body: SpendAlertParams): Call<SpendAlert>;
    delete(scope: Scope, alertId: string): Call<Deleted>;
  };
  /** The hard spend limit, a singleton per scope; amounts are integer cents. */
  readonly spendLimits: {
    /** The limit, or `null` when none is set. */
    retrieve(scope: Scope): Call<SpendLimit | null>;
    /** Creates or replaces the limit. */
    set(scope: Scope, body: SpendLimitParams): Call<SpendLimit>;
    delete(scope: Scope): Call<Deleted>;
  };
  readonly dataRetention: {
    retrieve(scope: Scope): Call<DataRetention>;
    update(scope: Scope, retentionType: RetentionType): Call<DataRetention>;
  };
  /** Costs in dollars and usage of every kind, in daily buckets. */
  readonly reports: {
    buckets<E extends ReportEndpoint>(endpoint: E, query: ReportQuery<E>): Listing<ReportBucket<E>>;
  };
  /** Read-only, newest first. */
  readonly auditLogs: {
    /** One page, for paging on demand with `after=<last_id>` or `before=<first_id>`. */
    page(query?: AuditLogQuery): Call<AuditLogPage>;
    list(query?: AuditLogQuery): Listing<AuditLog>;
  };
}
