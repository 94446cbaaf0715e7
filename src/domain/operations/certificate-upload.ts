import { z } from 'zod';
import { UsageError } from '../../errors.js';
import { readCertificatePem } from '../certificates/pem.js';
import { formatDate } from '../reply.js';
import { assertCertificateNameFree, certificateLabel, listCertificates } from './certificate-refs.js';
import { defineOperation } from './operation.js';

/**
 * Pasted PEM text, checked and re-wrapped; the form shows what is wrong on the field itself. A certificate read
 * before (a stored request's input) is read again from its PEM.
 */
const pemCertificate = z
  .union([z.string(), z.looseObject({ pem: z.string() })], { error: 'Paste the certificate in PEM form.' })
  .transform((value, ctx) => {
    const reading = readCertificatePem(typeof value === 'string' ? value : value.pem);
    if (!reading.ok) {
      ctx.addIssue({ code: 'custom', message: reading.message });
      return z.NEVER;
    }
    return reading.certificate;
  });

export const certificatesUpload = defineOperation({
  name: 'certificates.upload',
  words: ['certificates', 'upload'],
  summary: 'Upload a certificate for mutual TLS, inactive until activated (typed alone, opens a form)',
  opensForm: true,
  args: [
    { name: 'name', kind: 'positional', placeholder: '<name>', help: 'how commands will name it' },
    {
      name: 'certificate',
      kind: 'positional',
      placeholder: '"<PEM text>"',
      input: 'long-text',
      help: 'The certificate in PEM form, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----. Never its private key.',
    },
  ],
  input: z.object({
    name: z
      .string()
      .trim()
      .min(1, 'A certificate needs a name.')
      .max(100, 'Certificate names are at most 100 characters.'),
    certificate: pemCertificate,
  }),
  risk: 'write',
  async resolve(deps, input) {
    if (input.certificate.validTo * 1000 < deps.now().getTime()) {
      throw new UsageError(
        `This certificate expired on ${formatDate(input.certificate.validTo)}; upload one that is still valid.`,
      );
    }
    assertCertificateNameFree(await listCertificates(deps, null), input.name);
    return input;
  },
  describe: (input) =>
    `Upload certificate "${input.name}" (${input.certificate.subject || 'no subject'}, valid until ${formatDate(input.certificate.validTo)})`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.certificates.upload({
      name: input.name,
      certificate: input.certificate.pem,
    });
    const details = data.certificate_details;
    return {
      title: `Uploaded certificate ${certificateLabel({ id: data.id, name: data.name ?? input.name })}.`,
      notes: [
        `Certificate id: ${data.id}`,
        `Valid from ${formatDate(details?.valid_at ?? input.certificate.validFrom)} to ${formatDate(details?.expires_at ?? input.certificate.validTo)}`,
        `It is not active yet: /openai certificates activate ${data.id} (add --project <project> for one project only).`,
      ],
      requestId,
    };
  },
});
