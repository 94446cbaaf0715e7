import { X509Certificate } from 'node:crypto';
import { badRequest, notFound } from '../api-error.js';
import type { IdCounter } from '../ids.js';

/** The organization's certificate limit. */
export const MAX_CERTIFICATES = 50;

export interface CertificateRecord {
  id: string;
  name: string | null;
  /** The PEM text as uploaded. */
  content: string;
  createdAt: number;
  validAt: number;
  expiresAt: number;
}

export interface NewCertificate {
  /** PEM text of one X.509 certificate. */
  content: string;
  name?: string | null;
  createdAt?: number;
}

/** Where a certificate is active: the organization as a whole and single projects, each on its own. */
export interface Activation {
  organization: boolean;
  projectIds: string[];
}

const seconds = (date: string) => Math.floor(Date.parse(date) / 1000);

/**
 * The organization's uploaded certificates (creation order) and where each is active. Uploading never activates;
 * activation at the organization and in a project are separate switches.
 */
export class CertificateBook {
  readonly records = new Map<string, CertificateRecord>();
  // Plain private fields, not `#` ones: the organization file keeps only fields it can see.
  private readonly activeInOrg = new Set<string>();
  private readonly activeInProject = new Map<string, Set<string>>();

  constructor(
    private readonly ids: IdCounter,
    private readonly clock: () => number,
  ) {}

  clear(): void {
    this.records.clear();
    this.activeInOrg.clear();
    this.activeInProject.clear();
  }

  /** Adds a certificate (`cert_<n>`), inactive everywhere; 400 for text that is not an X.509 certificate in PEM. */
  add(input: NewCertificate): CertificateRecord {
    if (this.records.size >= MAX_CERTIFICATES) {
      throw badRequest(
        `An organization can have at most ${MAX_CERTIFICATES} certificates.`,
        'certificate',
        'certificate_limit_reached',
      );
    }
    let parsed: X509Certificate;
    try {
      parsed = new X509Certificate(input.content);
    } catch {
      throw badRequest(
        'Invalid certificate: expected an X.509 certificate in PEM format.',
        'certificate',
        'invalid_value',
      );
    }
    const record: CertificateRecord = {
      id: this.ids.next('cert'),
      name: input.name ?? null,
      content: input.content,
      createdAt: input.createdAt ?? this.clock(),
      validAt: seconds(parsed.validFrom),
      expiresAt: seconds(parsed.validTo),
    };
    this.records.set(record.id, record);
    return record;
  }

  /** The certificate, or a 404. */
  require(id: string): CertificateRecord {
    const record = this.records.get(id);
    if (!record) throw notFound('certificate', id);
    return record;
  }

  /** Whether it is active for the organization (`projectId` null) or for one project. */
  isActive(id: string, projectId: string | null): boolean {
    return this.#set(projectId).has(id);
  }

  /** Switches certificates on or off at one level, all or none: every id must exist first. */
  toggle(ids: readonly string[], projectId: string | null, active: boolean): CertificateRecord[] {
    const records = ids.map((id) => this.require(id));
    const set = this.#set(projectId);
    for (const record of records) {
      if (active) set.add(record.id);
      else set.delete(record.id);
    }
    return records;
  }

  activation(id: string): Activation {
    const projectIds = [...this.activeInProject].filter(([, set]) => set.has(id)).map(([projectId]) => projectId);
    return { organization: this.activeInOrg.has(id), projectIds };
  }

  /** Deletes a certificate that is inactive everywhere; 400 while it is active anywhere. */
  delete(id: string): CertificateRecord {
    const record = this.require(id);
    const { organization, projectIds } = this.activation(id);
    if (organization || projectIds.length > 0) {
      const where = [...(organization ? ['the organization'] : []), ...projectIds.map((p) => `project ${p}`)];
      throw badRequest(
        `Certificate ${id} is active for ${where.join(', ')}. Deactivate it everywhere before deleting it.`,
        'certificate_id',
        'certificate_active',
      );
    }
    this.records.delete(id);
    return record;
  }

  #set(projectId: string | null): Set<string> {
    if (projectId === null) return this.activeInOrg;
    let set = this.activeInProject.get(projectId);
    if (!set) {
      set = new Set();
      this.activeInProject.set(projectId, set);
    }
    return set;
  }
}
