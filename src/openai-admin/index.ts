import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, type Dispatcher } from 'undici';
import type { AdminApi } from '../domain/admin-api/admin-api.js';
import { auditLogsResource } from './resources/audit-logs.js';
import { certificatesResource, hostedToolsResource } from './resources/certificates.js';
import type { ResourceContext } from './resources/context.js';
import { groupsResource, groupUsersResource, projectGroupsResource } from './resources/groups.js';
import { adminApiKeysResource, invitesResource, usersResource } from './resources/organization.js';
import {
  projectApiKeysResource,
  projectsResource,
  projectUsersResource,
  serviceAccountsResource,
} from './resources/projects.js';
import { reportsResource } from './resources/reports.js';
import { roleAssignmentsResource, rolesResource } from './resources/roles.js';
import {
  dataRetentionResource,
  modelPermissionsResource,
  rateLimitsResource,
  spendAlertsResource,
  spendLimitsResource,
} from './resources/settings.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import { createSdk } from './sdk.js';
import { createTransport, type TransportOptions } from './transport.js';

export type { AttemptReport } from './transport.js';

export interface AdminApiOptions {
  /** e.g. 'https://api.openai.com/v1' (validated by the config module). */
  baseUrl: string;
  adminKey: string;
  /** Per attempt of a read, headers and body together. Default 30 s. */
  timeoutMs?: number;
  /** Per attempt of a write, which is never repeated once it may have landed. Default `timeoutMs` when given, else 120 s. */
  writeTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** `DRY_RUN=1`: reads are sent, writes are not; each write fails with `WriteNotSent`. */
  dryRun?: boolean;
  /** The longest one listing may page for. Default 5 minutes. */
  listDeadlineMs?: number;
  /** Shared keep-alive connection pool; one is created when omitted. */
  dispatcher?: Dispatcher;
  /** Largest response body accepted, in bytes. Default 20 MiB. */
  maxResponseBytes?: number;
  logger?: TransportOptions['logger'];
  /** Waits between retries; tests pass a fast one. */
  sleep?: (ms: number) => Promise<unknown>;
  /** Told about every attempt once it has an answer (or none), e.g. for metrics. */
  onAttempt?: TransportOptions['onAttempt'];
  /** The clock of listing deadlines, in ms. */
  now?: () => number;
}

/** The Admin API port over OpenAI's SDK, plus `close` for the connection pool it owns. */
export type AdminApiClient = AdminApi & { close(): Promise<void> };

/** The Admin API the domain uses, served by OpenAI's SDK over an undici transport. */
export function createAdminApi(options: AdminApiOptions): AdminApiClient {
  const readTimeoutMs = options.timeoutMs ?? 30_000;
  const writeTimeoutMs = options.writeTimeoutMs ?? options.timeoutMs ?? 120_000;
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const longest = Math.max(readTimeoutMs, writeTimeoutMs);
  const dispatcher =
    options.dispatcher ??
    new Agent({
      keepAliveTimeout: 30_000,
      connections: 256,
      connect: { timeout: 10_000 },
      // Each attempt has its own deadline in the transport; these bound a stalled socket whatever the request.
      headersTimeout: longest,
      bodyTimeout: longest,
    });
  const transport = createTransport({
    basePath: new URL(options.baseUrl).pathname.replace(/\/+$/, ''),
    readTimeoutMs,
    writeTimeoutMs,
    retry,
    dryRun: options.dryRun ?? false,
    maxResponseBytes: options.maxResponseBytes ?? 20 * 1024 * 1024,
    sleep: options.sleep ?? ((ms) => sleep(ms)),
    logger: options.logger,
    onAttempt: options.onAttempt,
  });
  const sdk = createSdk({
    baseUrl: options.baseUrl,
    adminKey: options.adminKey,
    transport,
    dispatcher,
    timeoutMs: (retry.maxRetries + 1) * (longest + retry.maxDelayMs),
  });
  const context: ResourceContext = {
    org: sdk.admin.organization,
    limits: { deadlineMs: options.listDeadlineMs ?? 5 * 60_000, now: options.now ?? Date.now },
  };
  return {
    users: usersResource(context),
    invites: invitesResource(context),
    projects: projectsResource(context),
    adminApiKeys: adminApiKeysResource(context),
    serviceAccounts: serviceAccountsResource(context),
    projectApiKeys: projectApiKeysResource(context),
    projectUsers: projectUsersResource(context),
    rateLimits: rateLimitsResource(context),
    modelPermissions: modelPermissionsResource(context),
    spendAlerts: spendAlertsResource(context),
    spendLimits: spendLimitsResource(context),
    dataRetention: dataRetentionResource(context),
    reports: reportsResource(context),
    auditLogs: auditLogsResource(context),
    groups: groupsResource(context),
    groupUsers: groupUsersResource(context),
    projectGroups: projectGroupsResource(context),
    certificates: certificatesResource(context),
    hostedTools: hostedToolsResource(context),
    roles: rolesResource(context),
    roleAssignments: roleAssignmentsResource(context),
    close: async () => {
      if (!options.dispatcher) await dispatcher.close();
    },
  };
}
