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
}
