import { NotFoundError, UsageError } from '../../errors.js';
import type { Certificate } from '../admin-api/certificates.js';
import { echo } from '../echo.js';
import type { OperationDeps } from '../ports.js';
import { formatDate } from '../reply.js';
import type { ArgSpec } from './operation.js';

/** `<certificate>`: an id (`cert_…`) or an exact name. */
export const certificateArg: ArgSpec = {
  name: 'certificate',
  kind: 'positional',
  placeholder: '<certificate>',
  help: 'certificate id (cert_…) or exact name',
};

/** `"name" (cert_…)`, or the id alone for a certificate without a name. */
export const certificateLabel = (certificate: { id: string; name?: string | null | undefined }): string =>
  certificate.name ? `"${certificate.name}" (${certificate.id})` : certificate.id;

/** Every certificate listed for the organization (`projectId` null) or for a project, with its state there. */
export async function listCertificates(deps: OperationDeps, projectId: string | null): Promise<Certificate[]> {
  const all: Certificate[] = [];
  for await (const certificate of deps.admin.certificates.list(projectId)) all.push(certificate);
  return all;
}

/** One of the organization's certificates by id or exact, case-insensitive name. */
export function findCertificate(all: readonly Certificate[], ref: string): Certificate {
  const byId = all.find((certificate) => certificate.id === ref);
  if (byId) return byId;
  const wanted = ref.trim().toLowerCase();
  const matches = all.filter((certificate) => (certificate.name ?? '').trim().toLowerCase() === wanted);
  const [only, ...others] = matches;
  if (!only) {
    throw new NotFoundError(
      `No certificate of the organization is named "${echo(ref)}". Use its id (cert_…) or its exact name; /openai certificates list shows them.`,
    );
  }
  if (others.length > 0) {
    throw new UsageError(
      `Several certificates are named "${echo(ref)}": ${matches.map((c) => c.id).join(', ')}. Use the id instead.`,
    );
  }
  return only;
}

/** Certificates are named in commands, so a second one with the same name would make both ambiguous. */
export function assertCertificateNameFree(all: readonly Certificate[], name: string, exceptId?: string): void {
  const wanted = name.trim().toLowerCase();
  const taken = all.find((c) => c.id !== exceptId && (c.name ?? '').trim().toLowerCase() === wanted);
  if (taken) {
    throw new UsageError(
      `A certificate named "${taken.name}" already exists (${taken.id}); choose another name so commands can tell them apart.`,
    );
  }
}

/** `valid until 2036-11-28`, `expired 2025-01-01` or `valid from 2027-01-01`, judged at `now`. */
export function validityText(certificate: Certificate, now: Date): string {
  const from = certificate.certificate_details?.valid_at;
  const to = certificate.certificate_details?.expires_at;
  const nowSeconds = now.getTime() / 1000;
  if (to && to < nowSeconds) return `expired ${formatDate(to)}`;
  if (from && from > nowSeconds) return `valid from ${formatDate(from)}`;
  return to ? `valid until ${formatDate(to)}` : 'validity unknown';
}
