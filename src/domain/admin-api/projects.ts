import { z } from 'zod';

export const project = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string().nullish(),
  created_at: z.number().nullish(),
  archived_at: z.number().nullish(),
  status: z.string().nullish(),
  residency: z.string().nullish(),
});
export type Project = z.output<typeof project>;

/** The data residency regions the Admin API lists for new projects (`PublicProjectResidency`). */
export const PROJECT_RESIDENCIES = [
  'GLOBAL',
  'US_STORAGE_PROCESSING',
  'EU_STORAGE_PROCESSING',
  'JP_STORAGE',
  'KR_STORAGE',
  'CA_STORAGE',
  'SG_STORAGE',
  'IN_STORAGE',
  'AU_STORAGE',
  'GB_STORAGE',
  'AE_STORAGE',
  'AE_STORAGE_PROCESSING',
] as const;
export type ProjectResidency = (typeof PROJECT_RESIDENCIES)[number];

export interface ProjectCreateParams {
  name: string;
  /** Where the project's data is stored (and processed); set at creation only. */
  residency?: ProjectResidency;
}

export const projectUser = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  role: z.string(),
  added_at: z.number().nullish(),
});
export type ProjectUser = z.output<typeof projectUser>;

/** Project roles are open strings in the API; these are the two it documents. */
export type ProjectRole = 'owner' | 'member';

/** Adds an existing organization member, named by user id or by email. */
export type ProjectUserAddParams = { role: ProjectRole } & ({ user_id: string } | { email: string });

export const serviceAccount = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string().nullish(),
  role: z.string().nullish(),
  created_at: z.number().nullish(),
});
export type ServiceAccount = z.output<typeof serviceAccount>;

/** The create response: `api_key.value` is the full secret, returned this once only (null without a key). */
export const createdServiceAccount = serviceAccount.extend({
  api_key: z
    .looseObject({
      id: z.string(),
      name: z.string().nullish(),
      value: z.string(),
      created_at: z.number().nullish(),
    })
    .nullish(),
});
export type CreatedServiceAccount = z.output<typeof createdServiceAccount>;

export interface ServiceAccountCreateParams {
  name: string;
  /** Create it without default roles and without an API key. */
  create_service_account_only?: boolean;
}

/** An extra key of a service account: `value` is the full secret, returned this once only. */
export const serviceAccountApiKey = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string().nullish(),
  value: z.string(),
  created_at: z.number().nullish(),
});
export type ServiceAccountApiKey = z.output<typeof serviceAccountApiKey>;

export interface ServiceAccountUpdateParams {
  name?: string;
  role?: 'member' | 'owner';
}

export interface ServiceAccountKeyParams {
  name?: string;
  /** e.g. `api.responses.write`; without scopes the key has the service account's full access. */
  scopes?: string[];
}

const keyOwner = z.looseObject({
  type: z.string().nullish(),
  user: z.looseObject({ id: z.string().nullish(), email: z.string().nullish(), name: z.string().nullish() }).nullish(),
  service_account: z.looseObject({ id: z.string().nullish(), name: z.string().nullish() }).nullish(),
});

export const projectApiKey = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string().nullish(),
  redacted_value: z.string().nullish(),
  created_at: z.number().nullish(),
  last_used_at: z.number().nullish(),
  owner_project_access: z.string().nullish(),
  owner: keyOwner.nullish(),
});
export type ProjectApiKey = z.output<typeof projectApiKey>;

/** Filter by whether the key's owner still has access to the project; `any` lists every enabled key. */
export type OwnerProjectAccess = 'active' | 'inactive' | 'any';
