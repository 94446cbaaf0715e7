import { z } from 'zod';

/** What a delete answers; only `deleted` is read. */
export const deleted = z.looseObject({ deleted: z.boolean().optional() });
export type Deleted = z.output<typeof deleted>;

export const organizationUser = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  role: z.string().nullish(),
  added_at: z.number().nullish(),
});
export type OrganizationUser = z.output<typeof organizationUser>;

export interface UserListParams {
  emails?: string[];
  limit?: number;
}

export interface UserUpdateParams {
  /** `owner` or `reader`; a role read back from a record is passed on as it was. */
  role: string;
}

export const invite = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  email: z.string(),
  role: z.string(),
  status: z.string(),
  created_at: z.number().nullish(),
  expires_at: z.number().nullish(),
  accepted_at: z.number().nullish(),
  projects: z
    .array(z.looseObject({ id: z.string(), role: z.string() }))
    .nullish()
    .transform((p) => p ?? []),
});
export type Invite = z.output<typeof invite>;

export interface InviteCreateParams {
  email: string;
  role: 'reader' | 'owner';
  projects?: { id: string; role: 'member' | 'owner' }[];
}

export const adminApiKey = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string().nullish(),
  redacted_value: z.string().nullish(),
  created_at: z.number().nullish(),
  expires_at: z.number().nullish(),
  last_used_at: z.number().nullish(),
  owner: z.looseObject({ type: z.string().nullish(), id: z.string().nullish(), name: z.string().nullish() }).nullish(),
});
export type AdminApiKey = z.output<typeof adminApiKey>;

/** The create response: the key plus its full secret `value`, returned this once only. */
export const createdAdminApiKey = adminApiKey.extend({ value: z.string() });
export type CreatedAdminApiKey = z.output<typeof createdAdminApiKey>;

export interface AdminApiKeyCreateParams {
  name: string;
  /** 1 … 31 536 000; omit for a key that never expires. */
  expires_in_seconds?: number;
}
