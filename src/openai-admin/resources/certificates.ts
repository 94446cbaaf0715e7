import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { listByIdCursor } from '../pagination.js';
import { path } from '../path.js';

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
const toggled = z.looseObject({ object: z.string().optional(), data: z.array(certificate).default([]) });

const deleted = z.looseObject({ object: z.string().optional(), id: z.string().nullish() });

/** Activate and deactivate take 1 to 10 certificate ids per call, applied together. */
export const MAX_CERTIFICATES_PER_TOGGLE = 10;

/**
 * Certificates for mutual TLS: uploaded to the organization (`/organization/certificates`, at most 50), then
 * activated for the whole organization (`projectId` null) or for single projects
 * (`/organization/projects/{project_id}/certificates`). A certificate is deleted only once inactive everywhere.
 */
export function certificatesResource(client: AdminClient) {
  const base = (projectId: string | null) =>
    projectId === null ? '/organization/certificates' : path`/organization/projects/${projectId}/certificates`;
  const one = (certificateId: string) => path`/organization/certificates/${certificateId}`;
  return {
    /** Newest first (the API's default order). */
    list: (projectId: string | null, params: { limit?: number } = {}) =>
      listByIdCursor(client, certificate, base(projectId), { limit: params.limit ?? 100 }),
    upload: (body: CertificateUploadParams) =>
      client.request(certificate, { method: 'POST', path: '/organization/certificates', body }),
    retrieve: (certificateId: string) => client.request(certificate, { method: 'GET', path: one(certificateId) }),
    /** Sets the name (the only thing that can change); repeating it cannot change the outcome. */
    rename: (certificateId: string, name: string) =>
      client.request(certificate, { method: 'POST', path: one(certificateId), body: { name }, idempotent: true }),
    delete: (certificateId: string) => client.request(deleted, { method: 'DELETE', path: one(certificateId) }),
    /** Atomic and idempotent: every id is activated, or none is. */
    activate: (projectId: string | null, certificateIds: readonly string[]) =>
      client.request(toggled, {
        method: 'POST',
        path: `${base(projectId)}/activate`,
        body: { certificate_ids: [...certificateIds] },
        idempotent: true,
      }),
    deactivate: (projectId: string | null, certificateIds: readonly string[]) =>
      client.request(toggled, {
        method: 'POST',
        path: `${base(projectId)}/deactivate`,
        body: { certificate_ids: [...certificateIds] },
        idempotent: true,
      }),
  };
}
