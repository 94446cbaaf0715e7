import { z } from 'zod';
import { UsageError } from '../../errors.js';
import { formatDate, type ReplyItem } from '../reply.js';
import {
  assertCertificateNameFree,
  certificateArg,
  certificateLabel,
  findCertificate,
  listCertificates,
  validityText,
} from './certificate-refs.js';
import { defineOperation } from './operation.js';
import { projectFlag, resolveScope, scopeLabel, scopeResolvedFields, scopeTypedFields } from './scope.js';

/** A certificate as typed: its id or its name. */
const typedCertificate = {
  certificate: z.string().trim().min(1, 'Name a certificate by its id (cert_…) or name.'),
};

/** Looked up by `resolve`: the id for the call, the name for cards and replies. */
const resolvedCertificate = {
  ...typedCertificate,
  certificateId: z.string(),
  certificateName: z.string().nullable(),
};

const certificateName = z
  .string()
  .trim()
  .min(1, 'A certificate needs a name.')
  .max(100, 'Certificate names are at most 100 characters.');

const label = (input: { certificateId: string; certificateName: string | null }) =>
  certificateLabel({ id: input.certificateId, name: input.certificateName });

export const certificatesList = defineOperation({
  name: 'certificates.list',
  words: ['certificates', 'list'],
  summary: 'List the certificates for mutual TLS, active or not for the organization (or for a project)',
  args: [projectFlag],
  input: z.object(scopeTypedFields),
  resolved: z.object({ ...scopeTypedFields, ...scopeResolvedFields }),
  risk: 'read',
  resolve: (deps, input) => resolveScope(deps, input),
  describe: (input) => `List the certificates of ${scopeLabel(input)}`,
  async run(deps, input) {
    const scope = input.projectId;
    const where = scope ? 'in this project' : 'for the organization';
    const items: ReplyItem[] = (await listCertificates(deps, scope)).map((certificate) => ({
      title: certificate.name ?? certificate.id,
      id: certificate.id,
      facts: [
        certificate.active ? `active ${where}` : `inactive ${where}`,
        validityText(certificate, deps.now()),
        `uploaded ${formatDate(certificate.created_at)}`,
      ],
    }));
    const owner = scope ? `project ${input.projectName ?? scope}` : 'the organization';
    return {
      title: `${items.length} certificate${items.length === 1 ? '' : 's'} of ${owner}`,
      items,
      emptyText: 'No certificates. /openai certificates upload opens a form to add one.',
    };
  },
});

export const certificatesShow = defineOperation({
  name: 'certificates.show',
  words: ['certificates', 'show'],
  summary: 'Show one certificate: its validity and whether it is active for the organization',
  args: [certificateArg],
  input: z.object(typedCertificate),
  risk: 'read',
  describe: (input) => `Show certificate ${input.certificate}`,
  async run(deps, input) {
    const listed = findCertificate(await listCertificates(deps, null), input.certificate);
    const { data, requestId } = await deps.admin.certificates.retrieve(listed.id);
    const details = data.certificate_details;
    return {
      title: `Certificate ${data.name ?? data.id}`,
      notes: [
        `Certificate id: ${data.id}`,
        `Active for the organization: ${listed.active ? 'yes' : 'no'}`,
        `Valid from ${formatDate(details?.valid_at)} to ${formatDate(details?.expires_at)} (${validityText(data, deps.now())})`,
        `Uploaded: ${formatDate(data.created_at)}`,
        'Projects can activate it on their own: /openai certificates list --project <project> shows where.',
      ],
      requestId,
    };
  },
});

export const certificatesRename = defineOperation({
  name: 'certificates.rename',
  words: ['certificates', 'rename'],
  summary: 'Rename a certificate (quote names with spaces)',
  args: [certificateArg, { name: 'new_name', kind: 'positional', placeholder: '<new name>' }],
  input: z.object({ ...typedCertificate, new_name: certificateName }),
  resolved: z.object({ ...resolvedCertificate, new_name: certificateName }),
  risk: 'write',
  async resolve(deps, input) {
    const all = await listCertificates(deps, null);
    const found = findCertificate(all, input.certificate);
    if (found.name === input.new_name) {
      throw new UsageError(`Certificate ${certificateLabel(found)} already has that name; nothing to change.`);
    }
    assertCertificateNameFree(all, input.new_name, found.id);
    return { ...input, certificateId: found.id, certificateName: found.name ?? null };
  },
  describe: (input) => `Rename certificate ${label(input)} to "${input.new_name}"`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.certificates.rename(input.certificateId, input.new_name);
    return { title: `Renamed certificate ${label(input)} to "${data.name ?? input.new_name}".`, requestId };
  },
});

export const certificatesDelete = defineOperation({
  name: 'certificates.delete',
  words: ['certificates', 'delete'],
  summary: 'Delete a certificate that is no longer active anywhere',
  args: [certificateArg],
  input: z.object(typedCertificate),
  resolved: z.object(resolvedCertificate),
  risk: 'destructive',
  async resolve(deps, input) {
    const found = findCertificate(await listCertificates(deps, null), input.certificate);
    if (found.active) {
      throw new UsageError(
        `Certificate ${certificateLabel(found)} is active for the organization. Deactivate it first ` +
          `(/openai certificates deactivate ${found.id}); it must be inactive in every project too.`,
      );
    }
    return { ...input, certificateId: found.id, certificateName: found.name ?? null };
  },
  describe: (input) => `Delete certificate ${label(input)}`,
  preview: async () => [
    'OpenAI refuses to delete a certificate that is still active in any project.',
    'This cannot be undone: uploaded again, it gets a new id.',
  ],
  async run(deps, input) {
    const { requestId } = await deps.admin.certificates.delete(input.certificateId);
    return { title: `Deleted certificate ${label(input)}.`, requestId };
  },
});
