import { NotFoundError, UsageError } from '../errors.js';
import type { AdminApi } from './admin-api/admin-api.js';
import { collect } from './admin-api/collect.js';
import type { OrganizationUser } from './admin-api/organization.js';
import type { Project } from './admin-api/projects.js';

const looksLikeEmail = (ref: string) => ref.includes('@');
const looksLikeUserId = (ref: string) => /^user[-_]/.test(ref);
const looksLikeProjectId = (ref: string) => /^proj_/.test(ref);

const sameEmail = (user: OrganizationUser, email: string) => (user.email ?? '').toLowerCase() === email;

/**
 * The member with this email (case-insensitive), or `undefined`. Rows are trusted only when their email matches:
 * the filtered answer usually holds just that member, but when it lists someone else (a server that ignored the
 * filter) every page of members is scanned instead.
 */
export async function findUserByEmail(admin: AdminApi, email: string): Promise<OrganizationUser | undefined> {
  const wanted = email.toLowerCase();
  const [first] = await collect(admin.users.list({ emails: [wanted] }), 1);
  if (!first) return undefined;
  if (sameEmail(first, wanted)) return first;
  for await (const user of admin.users.list()) {
    if (sameEmail(user, wanted)) return user;
  }
  return undefined;
}

/** Finds an organization member by email or user id. */
export async function resolveUser(admin: AdminApi, ref: string): Promise<OrganizationUser> {
  if (looksLikeEmail(ref)) {
    const email = ref.toLowerCase();
    const user = await findUserByEmail(admin, email);
    if (!user) throw new NotFoundError(`No member of the organization has the email ${email}.`);
    return user;
  }
  if (!looksLikeUserId(ref)) throw new UsageError(`"${ref}" is neither an email address nor a user id (user-…).`);
  const { data } = await admin.users.retrieve(ref);
  return data;
}

/** Finds a project by id (`proj_…`) or by exact, case-insensitive name; archived projects included. */
export async function resolveProject(admin: AdminApi, ref: string): Promise<Project> {
  if (looksLikeProjectId(ref)) {
    const { data } = await admin.projects.retrieve(ref);
    return data;
  }
  const wanted = ref.trim().toLowerCase();
  const matches: Project[] = [];
  for await (const project of admin.projects.list({ includeArchived: true })) {
    if ((project.name ?? '').trim().toLowerCase() === wanted) matches.push(project);
  }
  const active = matches.filter((p) => p.status !== 'archived');
  const candidates = active.length > 0 ? active : matches;
  if (candidates.length === 1 && candidates[0]) return candidates[0];
  if (candidates.length === 0)
    throw new NotFoundError(`No project is named "${ref}". Use its id (proj_…) or its exact name.`);
  throw new UsageError(
    `Several projects are named "${ref}": ${candidates.map((p) => p.id).join(', ')}. Use the project id instead.`,
  );
}

/** Several projects by id or name, resolved at once: their distinct ids and their names in the order given. */
export async function resolveProjects(
  admin: AdminApi,
  refs: readonly string[],
): Promise<{ projectIds: string[]; projectNames: string[] }> {
  const projects = await Promise.all(refs.map((ref) => resolveProject(admin, ref)));
  return { projectIds: [...new Set(projects.map((p) => p.id))], projectNames: projects.map((p) => p.name ?? p.id) };
}
