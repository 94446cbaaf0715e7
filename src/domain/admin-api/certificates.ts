import { z } from 'zod';

/**
 * A certificate as the API returns it. List and activation answers carry `active` (for the organization, or for
 * the project listed); a single certificate (upload, retrieve, rename) may leave it out.
 */
export const certificate = z.looseObject({
  object: z.string().optional(),
  id: z.string(),
  name: z.string().nullish(),
  created_at: z.number().nullish(),
  certificate_details: z
    .looseObject({
      valid_at: z.number().nullish(),
      expires_at: z.number().nullish(),
      /** The PEM text, only when retrieved with `include[]=content`. */
      content: z.string().nullish(),
    })
    .nullish(),
  active: z.boolean().nullish(),
});
export type Certificate = z.output<typeof certificate>;

export interface CertificateUploadParams {
  /** PEM text of one certificate (never a private key). */
  certificate: string;
  name?: string;
}

/** Activate and deactivate answer with the certificates they touched; no pagination. */
export const certificateToggle = z.looseObject({
  object: z.string().optional(),
  data: z.array(certificate).default([]),
});
export type CertificateToggle = z.output<typeof certificateToggle>;

/** Activate and deactivate take 1 to 10 certificate ids per call, applied together. */
export const MAX_CERTIFICATES_PER_TOGGLE = 10;

/** The hosted tools a project may be allowed or forbidden to use, in the order the API lists them. */
export const HOSTED_TOOLS = ['file_search', 'web_search', 'image_generation', 'mcp', 'code_interpreter'] as const;
export type HostedTool = (typeof HOSTED_TOOLS)[number];

const permission = z.looseObject({ enabled: z.boolean() });

/** Every tool with `{enabled}`; a tool a newer or older server leaves out reads as unknown. */
export const hostedToolPermissions = z.looseObject(
  Object.fromEntries(HOSTED_TOOLS.map((tool) => [tool, permission.nullish()])) as Record<
    HostedTool,
    z.ZodOptional<z.ZodNullable<typeof permission>>
  >,
);
export type HostedToolPermissions = z.output<typeof hostedToolPermissions>;

/** Tools left out keep their setting. */
export type HostedToolChanges = Partial<Record<HostedTool, { enabled: boolean }>>;
