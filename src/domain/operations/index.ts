import { accessRequest } from './access-requests.js';
import { adminKeysCreate, adminKeysDelete, adminKeysList } from './admin-keys.js';
import { apiKeysDelete, apiKeysList, apiKeysShow } from './api-keys.js';
import { approvalsCancel, approvalsHistory, approvalsList, approvalsShow } from './approvals.js';
import { auditList } from './audit-logs.js';
import { certificatesActivate, certificatesDeactivate } from './certificate-activation.js';
import { certificatesUpload } from './certificate-upload.js';
import { certificatesDelete, certificatesList, certificatesRename, certificatesShow } from './certificates.js';
import { costsReport } from './costs.js';
import { retentionSet, retentionShow } from './data-retention.js';
import { digestList, digestSubscribe, digestUnsubscribe } from './digest.js';
import { grantsList, grantsRevoke } from './grants.js';
import { groupsAdd, groupsMembers, groupsRemove } from './group-members.js';
import { groupsCreate, groupsDelete, groupsList, groupsRename, groupsShow } from './groups.js';
import { toolsSet, toolsShow } from './hosted-tools.js';
import { inviteCancel, inviteCreate, invitesList } from './invites.js';
import { keysRevokeStale, keysStale } from './key-hygiene.js';
import { membersAdd, membersList, membersRemove, membersRole } from './members.js';
import { membersShow } from './members-show.js';
import { modelsAllow, modelsClear, modelsDeny, modelsShow } from './model-permissions.js';
import type { AnyOperation } from './operation.js';
import { projectsAddGroup, projectsGroups, projectsRemoveGroup } from './project-groups.js';
import { projectsArchive, projectsList } from './projects.js';
import { projectsCreate, projectsRename, projectsShow } from './projects-manage.js';
import { rateLimitsList, rateLimitsSet } from './rate-limits.js';
import { rolesAssign, rolesOf, rolesUnassign } from './role-assignments.js';
import { rolesRename, rolesUpdate } from './role-changes.js';
import { rolesCreate, rolesDelete, rolesList, rolesShow } from './roles.js';
import { serviceAccountsAddKey, serviceAccountsRename } from './service-account-keys.js';
import { serviceAccountsCreate, serviceAccountsDelete, serviceAccountsList } from './service-accounts.js';
import { spendDigest } from './spend.js';
import { spendAlertsCreate, spendAlertsDelete, spendAlertsList, spendAlertsUpdate } from './spend-alerts.js';
import { spendLimitRemove, spendLimitSet, spendLimitShow } from './spend-limits.js';
import { usageReport } from './usage.js';
import { usersList, usersRemove, usersRole, usersShow } from './users.js';
import { watchList, watchSubscribe, watchUnsubscribe } from './watch.js';

/** Every operation the bot offers. Help, the parser, modals and the CLI are built from this list. */
export const operations: readonly AnyOperation[] = [
  inviteCreate,
  invitesList,
  inviteCancel,
  usersList,
  usersShow,
  usersRemove,
  usersRole,
  projectsList,
  projectsArchive,
  projectsShow,
  projectsCreate,
  projectsRename,
  projectsGroups,
  projectsAddGroup,
  projectsRemoveGroup,
  membersList,
  membersShow,
  membersAdd,
  membersRole,
  membersRemove,
  groupsList,
  groupsShow,
  groupsMembers,
  groupsCreate,
  groupsRename,
  groupsAdd,
  groupsRemove,
  groupsDelete,
  rateLimitsList,
  rateLimitsSet,
  modelsShow,
  modelsAllow,
  modelsDeny,
  modelsClear,
  spendAlertsList,
  spendAlertsCreate,
  spendAlertsUpdate,
  spendAlertsDelete,
  spendLimitShow,
  spendLimitSet,
  spendLimitRemove,
  retentionShow,
  retentionSet,
  toolsShow,
  toolsSet,
  certificatesList,
  certificatesShow,
  certificatesUpload,
  certificatesRename,
  certificatesActivate,
  certificatesDeactivate,
  certificatesDelete,
  serviceAccountsList,
  serviceAccountsCreate,
  serviceAccountsRename,
  serviceAccountsAddKey,
  serviceAccountsDelete,
  apiKeysList,
  apiKeysShow,
  apiKeysDelete,
  adminKeysList,
  adminKeysCreate,
  adminKeysDelete,
  rolesList,
  rolesShow,
  rolesCreate,
  rolesUpdate,
  rolesRename,
  rolesDelete,
  rolesAssign,
  rolesUnassign,
  rolesOf,
  approvalsList,
  approvalsCancel,
  approvalsHistory,
  approvalsShow,
  auditList,
  spendDigest,
  costsReport,
  usageReport,
  digestSubscribe,
  digestList,
  digestUnsubscribe,
  grantsList,
  grantsRevoke,
  accessRequest,
  keysStale,
  keysRevokeStale,
  watchSubscribe,
  watchList,
  watchUnsubscribe,
];

export type { AnyOperation, ArgSpec, Risk } from './operation.js';
export { usageOf } from './operation.js';
