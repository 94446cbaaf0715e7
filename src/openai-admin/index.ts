import { AdminClient, type AdminClientOptions } from './client.js';
import { adminApiKeysResource } from './resources/admin-api-keys.js';
import { auditLogsResource } from './resources/audit-logs.js';
import { certificatesResource } from './resources/certificates.js';
import { dataRetentionResource } from './resources/data-retention.js';
import { groupUsersResource } from './resources/group-users.js';
import { groupsResource } from './resources/groups.js';
import { hostedToolsResource } from './resources/hosted-tools.js';
import { invitesResource } from './resources/invites.js';
import { modelPermissionsResource } from './resources/model-permissions.js';
import { projectApiKeysResource } from './resources/project-api-keys.js';
import { projectGroupsResource } from './resources/project-groups.js';
import { projectUsersResource } from './resources/project-users.js';
import { projectsResource } from './resources/projects.js';
import { rateLimitsResource } from './resources/rate-limits.js';
import { reportsResource } from './resources/reports.js';
import { roleAssignmentsResource } from './resources/role-assignments.js';
import { rolesResource } from './resources/roles.js';
import { serviceAccountsResource } from './resources/service-accounts.js';
import { spendAlertsResource } from './resources/spend-alerts.js';
import { spendLimitsResource } from './resources/spend-limits.js';
import { usersResource } from './resources/users.js';

/** The typed Admin API: one property per resource, mirroring `/v1/organization/...`. */
export function createAdminApi(options: AdminClientOptions) {
  const client = new AdminClient(options);
  return {
    users: usersResource(client),
    invites: invitesResource(client),
    projects: projectsResource(client),
    adminApiKeys: adminApiKeysResource(client),
    serviceAccounts: serviceAccountsResource(client),
    projectApiKeys: projectApiKeysResource(client),
    projectUsers: projectUsersResource(client),
    rateLimits: rateLimitsResource(client),
    modelPermissions: modelPermissionsResource(client),
    spendAlerts: spendAlertsResource(client),
    spendLimits: spendLimitsResource(client),
    dataRetention: dataRetentionResource(client),
    certificates: certificatesResource(client),
    hostedTools: hostedToolsResource(client),
    reports: reportsResource(client),
    auditLogs: auditLogsResource(client),
    groups: groupsResource(client),
    groupUsers: groupUsersResource(client),
    projectGroups: projectGroupsResource(client),
    roles: rolesResource(client),
    roleAssignments: roleAssignmentsResource(client),
    close: () => client.close(),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
export * from './errors.js';
