import { AdminClient, type AdminClientOptions } from './client.js';
import { invitesResource } from './resources/invites.js';
import { projectsResource } from './resources/projects.js';
import { usersResource } from './resources/users.js';

/** The typed Admin API: one property per resource, mirroring `/v1/organization/...`. */
export function createAdminApi(options: AdminClientOptions) {
  const client = new AdminClient(options);
  return {
    users: usersResource(client),
    invites: invitesResource(client),
    projects: projectsResource(client),
    close: () => client.close(),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
export * from './errors.js';
