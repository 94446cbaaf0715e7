import { badRequest } from '../api-error.js';

export type RoleScope = 'api.organization' | 'api.project';
export type PrincipalType = 'user' | 'group';

export interface RoleRecord {
  id: string;
  name: string;
  description: string | null;
  permissions: string[];
  resourceType: RoleScope;
  predefined: boolean;
  /** The project a custom project role belongs to; `null` for organization roles and predefined project roles. */
  projectId: string | null;
  createdAt: number;
  updatedAt: number;
  createdBy: string | null;
}

export interface RoleAssignmentRecord {
  principalType: PrincipalType;
  principalId: string;
  /** `null` for an organization role. */
  projectId: string | null;
  roleId: string;
  createdAt: number;
}

export interface NewRole {
  name: string;
  permissions: string[];
  description?: string | null;
  /** Omit (or `null`) for an organization role. */
  projectId?: string | null;
}

export interface RolePatch {
  name?: string | null;
  permissions?: string[] | null;
  description?: string | null;
}

/** How OpenAI spells permissions: dotted lower-case words, e.g. `api.organization.projects.read`. */
export const PERMISSION = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

const predefined = (id: string, name: string, resourceType: RoleScope, permissions: string[]): RoleRecord => ({
  id,
  name,
  description: null,
  permissions,
  resourceType,
  predefined: true,
  projectId: null,
  createdAt: 0,
  updatedAt: 0,
  createdBy: null,
});

/** OpenAI's own roles; every project lists the same predefined project roles. */
export const PREDEFINED: readonly RoleRecord[] = [
  predefined('role_org_owner', 'Owner', 'api.organization', ['api.organization.admin']),
  predefined('role_org_reader', 'Reader', 'api.organization', ['api.organization.read']),
  predefined('role_project_owner', 'Owner', 'api.project', ['api.project.admin']),
  predefined('role_project_member', 'Member', 'api.project', ['api.project.read', 'api.project.write']),
];

/** 400 naming the first permission not spelled the way OpenAI spells them. */
export function assertPermissions(permissions: readonly string[]): void {
  const index = permissions.findIndex((permission) => !PERMISSION.test(permission));
  if (index === -1) return;
  throw badRequest(
    `Invalid permission '${permissions[index]}': permissions look like 'api.organization.projects.read'.`,
    `permissions[${index}]`,
    'invalid_value',
  );
}
