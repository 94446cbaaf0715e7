import { Router } from '../router.js';
import { registerAdminApiKeyRoutes } from './admin-api-keys.js';
import { registerAuditLogRoutes } from './audit-logs.js';
import { registerCertificateRoutes } from './certificates.js';
import { registerCostRoutes } from './costs.js';
import { registerDataRetentionRoutes } from './data-retention.js';
import { registerGroupRoutes } from './groups.js';
import { registerHostedToolRoutes } from './hosted-tools.js';
import { registerInviteRoutes } from './invites.js';
import { registerModelPermissionRoutes } from './model-permissions.js';
import { registerProjectApiKeyRoutes } from './project-api-keys.js';
import { registerProjectGroupRoutes } from './project-groups.js';
import { registerProjectUserRoutes } from './project-users.js';
import { registerProjectRoutes } from './projects.js';
import { registerRateLimitRoutes } from './rate-limits.js';
import { registerRoleAssignmentRoutes } from './role-assignments.js';
import { registerRoleRoutes } from './roles.js';
import { registerServiceAccountRoutes } from './service-accounts.js';
import { registerSpendAlertRoutes } from './spend-alerts.js';
import { registerSpendLimitRoutes } from './spend-limits.js';
import { registerUsageRoutes } from './usage.js';
import { registerUserRoutes } from './users.js';

/** Every Admin API route the emulated organization serves (paths relative to `/v1`). */
export function createRouter(): Router {
  const router = new Router();
  registerAdminApiKeyRoutes(router);
  registerInviteRoutes(router);
  registerUserRoutes(router);
  registerGroupRoutes(router);
  registerProjectRoutes(router);
  registerProjectUserRoutes(router);
  registerProjectGroupRoutes(router);
  registerServiceAccountRoutes(router);
  registerProjectApiKeyRoutes(router);
  registerRateLimitRoutes(router);
  registerModelPermissionRoutes(router);
  registerSpendAlertRoutes(router);
  registerSpendLimitRoutes(router);
  registerDataRetentionRoutes(router);
  registerCertificateRoutes(router);
  registerHostedToolRoutes(router);
  registerAuditLogRoutes(router);
  registerCostRoutes(router);
  registerUsageRoutes(router);
  registerRoleRoutes(router);
  registerRoleAssignmentRoutes(router);
  return router;
}
