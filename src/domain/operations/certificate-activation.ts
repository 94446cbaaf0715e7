import { z } from 'zod';
import { UsageError } from '../../errors.js';
import { MAX_CERTIFICATES_PER_TOGGLE } from '../admin-api/certificates.js';
import type { OperationDeps } from '../ports.js';
import { certificateArg, certificateLabel, findCertificate, listCertificates } from './certificate-refs.js';
import { defineOperation } from './operation.js';
import { projectFlag, resolveScope, scopeLabel, scopeResolvedFields, scopeTypedFields } from './scope.js';

type Direction = 'activate' | 'deactivate';

const input = z.object({
  certificate: z.array(z.string().trim().min(1)).min(1, 'Name at least one certificate.'),
  ...scopeTypedFields,
});
type ToggleInput = z.output<typeof input>;

/** Looked up by `resolve`: the certificates that change, and those already in the wanted state. */
const resolved = input.extend({
  ...scopeResolvedFields,
  certificateIds: z.array(z.string()),
  certificateLabels: z.array(z.string()),
  unchanged: z.array(z.string()),
});
type ToggleResolved = z.output<typeof resolved>;

const state = (direction: Direction) => (direction === 'activate' ? 'active' : 'inactive');

/** Names to ids among the organization's certificates; the state read where the change happens. */
async function resolveToggle(deps: OperationDeps, raw: ToggleInput, direction: Direction): Promise<ToggleResolved> {
  const scoped = await resolveScope(deps, raw, { active: true });
  const all = await listCertificates(deps, null);
  const named = [...new Map(raw.certificate.map((ref) => findCertificate(all, ref)).map((c) => [c.id, c])).values()];
  if (named.length > MAX_CERTIFICATES_PER_TOGGLE) {
    throw new UsageError(
      `OpenAI takes at most ${MAX_CERTIFICATES_PER_TOGGLE} certificates at once; ${named.length} were named.`,
    );
  }
  const scope = scoped.projectId;
  const here = scope === null ? all : await listCertificates(deps, scope);
  const activeHere = new Set(here.filter((c) => c.active).map((c) => c.id));
  const changing = named.filter((c) => activeHere.has(c.id) !== (direction === 'activate'));
  const unchanged = named.filter((c) => !changing.includes(c)).map(certificateLabel);
  if (changing.length === 0) {
    throw new UsageError(
      `${unchanged.join(', ')} ${unchanged.length === 1 ? 'is' : 'are'} already ${state(direction)} for ${scopeLabel(scoped)}; nothing to change.`,
    );
  }
  return {
    ...scoped,
    certificateIds: changing.map((c) => c.id),
    certificateLabels: changing.map(certificateLabel),
    unchanged,
  };
}

function toggleOperation(direction: Direction) {
  const verb = direction === 'activate' ? 'Activate' : 'Deactivate';
  const done = direction === 'activate' ? 'Activated' : 'Deactivated';
  return defineOperation({
    name: `certificates.${direction}`,
    words: ['certificates', direction],
    summary:
      direction === 'activate'
        ? 'Activate certificates for mutual TLS, for the organization or for one project'
        : 'Deactivate certificates for the organization or for one project (clients presenting them may be refused)',
    args: [{ ...certificateArg, repeatable: true }, projectFlag],
    input,
    resolved,
    risk: direction === 'activate' ? 'write' : 'destructive',
    resolve: (deps, raw) => resolveToggle(deps, raw, direction),
    describe: (resolved) =>
      `${verb} certificate${resolved.certificateLabels.length === 1 ? '' : 's'} ` +
      `${resolved.certificateLabels.join(', ')} for ${scopeLabel(resolved)}`,
    ...(direction === 'deactivate'
      ? {
          preview: async (_deps: OperationDeps, resolved: ToggleResolved) => [
            `Clients that present ${resolved.certificateIds.length === 1 ? 'it' : 'them'} may be refused by OpenAI ` +
              `for ${scopeLabel(resolved)} once this runs; activating again undoes it.`,
          ],
        }
      : {}),
    async run(deps, resolved) {
      const ids = resolved.certificateIds;
      const call = direction === 'activate' ? deps.admin.certificates.activate : deps.admin.certificates.deactivate;
      const { requestId } = await call(resolved.projectId, ids);
      const labels = resolved.certificateLabels;
      const unchanged = resolved.unchanged;
      return {
        title: `${done} ${labels.join(', ')} for ${scopeLabel(resolved)}.`,
        notes: unchanged.length > 0 ? [`Already ${state(direction)} there: ${unchanged.join(', ')}.`] : [],
        requestId,
      };
    },
  });
}

export const certificatesActivate = toggleOperation('activate');
export const certificatesDeactivate = toggleOperation('deactivate');
