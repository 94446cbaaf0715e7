import type { CertificateRecord } from '../state/certificates.js';

const details = (record: CertificateRecord) => ({ valid_at: record.validAt, expires_at: record.expiresAt });

/** A single certificate (upload, retrieve, modify): no `active`; the PEM text only when asked for. */
export function certificateView(record: CertificateRecord, withContent = false) {
  return {
    object: 'certificate',
    id: record.id,
    name: record.name,
    created_at: record.createdAt,
    certificate_details: withContent ? { ...details(record), content: record.content } : details(record),
  };
}

/** A list or activation item: `organization.certificate`, or `organization.project.certificate` in a project. */
export function certificateItemView(record: CertificateRecord, active: boolean, level: 'organization' | 'project') {
  return {
    object: level === 'organization' ? 'organization.certificate' : 'organization.project.certificate',
    id: record.id,
    name: record.name,
    created_at: record.createdAt,
    certificate_details: details(record),
    active,
  };
}
