import { X509Certificate } from 'node:crypto';

/** A certificate read from pasted PEM text, re-wrapped in canonical form (64 characters a line). */
export interface PemCertificate {
  pem: string;
  /** Unix seconds. */
  validFrom: number;
  validTo: number;
  subject: string;
}

export type PemReading = { ok: true; certificate: PemCertificate } | { ok: false; message: string };

const SHAPE = 'Paste one certificate in PEM form: from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.';
const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const seconds = (date: string) => Math.floor(Date.parse(date) / 1000);

/**
 * Reads the PEM text of one X.509 certificate as people paste it: line breaks may be lost or turned into spaces
 * and text around the block (`subject=…` lines of openssl) is left out. Refuses private keys, several blocks and
 * anything whose content is not a certificate, saying which.
 */
export function readCertificatePem(text: string): PemReading {
  if (/PRIVATE KEY/.test(text)) {
    return {
      ok: false,
      message:
        'This is a private key. Upload only the certificate (-----BEGIN CERTIFICATE-----), and keep the key out of Slack.',
    };
  }
  const blocks = [...text.matchAll(BLOCK)];
  const [block, ...more] = blocks;
  if (!block) return { ok: false, message: `This is not a PEM certificate. ${SHAPE}` };
  if (more.length > 0) {
    return { ok: false, message: `This text holds ${blocks.length} PEM blocks; upload one certificate at a time.` };
  }
  const [, label = '', body = '', endLabel = ''] = block;
  if (label !== 'CERTIFICATE' || endLabel !== 'CERTIFICATE') {
    return { ok: false, message: `A PEM block labelled "${label.slice(0, 40)}" is not a certificate. ${SHAPE}` };
  }
  const base64 = body.replace(/\s+/g, '');
  if (base64.length === 0 || base64.length % 4 !== 0 || !BASE64.test(base64)) {
    return { ok: false, message: 'The text between the BEGIN and END lines is not base64; was it cut or changed?' };
  }
  const pem = `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----\n`;
  try {
    const parsed = new X509Certificate(pem);
    return {
      ok: true,
      certificate: {
        pem,
        validFrom: seconds(parsed.validFrom),
        validTo: seconds(parsed.validTo),
        subject: parsed.subject.replace(/\n/g, ', '),
      },
    };
  } catch {
    return { ok: false, message: 'This PEM block does not hold a readable X.509 certificate; was it cut or changed?' };
  }
}
