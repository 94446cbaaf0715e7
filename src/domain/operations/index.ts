import { approvalsCancel, approvalsHistory, approvalsList } from './approvals.js';
import { inviteCancel, inviteCreate, invitesList } from './invites.js';
import type { AnyOperation } from './operation.js';
import { projectsArchive, projectsList } from './projects.js';
import { usersList, usersRemove, usersShow } from './users.js';

/** Every operation the bot offers. Help, the parser, modals and the CLI are built from this list. */
export const operations: readonly AnyOperation[] = [
  inviteCreate,
  invitesList,
  inviteCancel,
  usersList,
  usersShow,
  usersRemove,
  projectsList,
  projectsArchive,
  approvalsList,
  approvalsCancel,
  approvalsHistory,
];

export type { AnyOperation, ArgSpec, Risk } from './operation.js';
export { usageOf } from './operation.js';
