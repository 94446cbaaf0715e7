import type { Call, Listing, Scope } from './calls.js';
import type {
  Certificate,
  CertificateToggle,
  CertificateUploadParams,
  HostedToolChanges,
  HostedToolPermissions,
} from './certificates.js';
import type { Group, GroupAssignment, GroupUser, ProjectGroup, ProjectGroupAddParams } from './groups.js';
import type { Deleted } from './organization.js';
import type { AssignedRole, Principal, Role, RoleAssignment, RoleCreateParams, RoleUpdateParams } from './roles.js';

/** The part of the Admin API about who and what may reach the organization: groups, certificates, hosted tools. */
export interface AccessApi {
  /** Groups of organization members. */
  readonly groups: {
    list(params?: { limit?: number }): Listing<Group>;
    create(body: { name: string }): Call<Group>;
    retrieve(groupId: string): Call<Group>;
    update(groupId: string, body: { name: string }): Call<Group>;
    delete(groupId: string): Call<Deleted>;
  };
  /** Who is in a group, newest first. */
  readonly groupUsers: {
    list(groupId: string, params?: { limit?: number }): Listing<GroupUser>;
    add(groupId: string, body: { user_id: string }): Call<GroupAssignment>;
    retrieve(groupId: string, userId: string): Call<GroupUser>;
    remove(groupId: string, userId: string): Call<Deleted>;
  };
  /** Groups with access to a project, each with a project role. */
  readonly projectGroups: {
    list(projectId: string, params?: { limit?: number }): Listing<ProjectGroup>;
    add(projectId: string, body: ProjectGroupAddParams): Call<ProjectGroup>;
    retrieve(projectId: string, groupId: string): Call<ProjectGroup>;
    remove(projectId: string, groupId: string): Call<Deleted>;
  };
  /**
   * Certificates for mutual TLS: uploaded to the organization (at most 50), then activated for the whole
   * organization or for single projects; deleted only once inactive everywhere.
   */
  readonly certificates: {
    /** Newest first; `active` says whether each is active in that scope. */
    list(scope: Scope, params?: { limit?: number }): Listing<Certificate>;
    upload(body: CertificateUploadParams): Call<Certificate>;
    retrieve(certificateId: string): Call<Certificate>;
    /** Sets the name, the only thing that can change. */
    rename(certificateId: string, name: string): Call<Certificate>;
    delete(certificateId: string): Call<Deleted>;
    /** 1 to 10 ids, applied together: every one is activated, or none is. */
    activate(scope: Scope, certificateIds: readonly string[]): Call<CertificateToggle>;
    deactivate(scope: Scope, certificateIds: readonly string[]): Call<CertificateToggle>;
  };
  /** Which hosted tools a project's traffic may use. */
  readonly hostedTools: {
    retrieve(projectId: string): Call<HostedToolPermissions>;
    /** Tools left out keep their setting; answers with every tool. */
    update(projectId: string, changes: HostedToolChanges): Call<HostedToolPermissions>;
  };
  /** RBAC roles of the organization (`null`) or of a project. */
  readonly roles: {
    list(scope: Scope, params?: { limit?: number }): Listing<Role>;
    create(scope: Scope, body: RoleCreateParams): Call<Role>;
    retrieve(scope: Scope, roleId: string): Call<Role>;
    update(scope: Scope, roleId: string, body: RoleUpdateParams): Call<Role>;
    delete(scope: Scope, roleId: string): Call<Deleted>;
  };
  /** Roles given to users and groups, in the organization (`null`) or in one project. */
  readonly roleAssignments: {
    list(principal: Principal, scope: Scope, params?: { limit?: number }): Listing<AssignedRole>;
    assign(principal: Principal, scope: Scope, roleId: string): Call<RoleAssignment>;
    /** The assignment, or `null` when the principal does not hold the role. */
    retrieve(principal: Principal, scope: Scope, roleId: string): Call<AssignedRole | null>;
    unassign(principal: Principal, scope: Scope, roleId: string): Call<Deleted>;
  };
}
