import { z } from 'zod';
import { UsageError } from '../../errors.js';
import type { SpendLimit } from '../admin-api/settings.js';
import { formatCents } from '../money.js';
import { defineOperation } from './operation.js';
import {
  dollarsAsCents,
  projectFlag,
  resolveScope,
  scopeLabel,
  scopeResolvedFields,
  scopeTypedFields,
} from './scope.js';

const per = (interval: string) => (interval === 'month' ? 'a month' : `per ${interval}`);

const enforcementText = (limit: SpendLimit): string => {
  const status = limit.enforcement?.status;
  if (status === 'enforcing') return 'Enforcing: spend has reached the limit, so OpenAI is refusing API requests.';
  if (status === 'inactive') return 'Not enforcing: spend is below the limit.';
  return `Enforcement: ${status ?? 'unknown'}.`;
};

const stopWarning = (input: { projectId?: string | null | undefined }) =>
  `When this month's spend reaches the limit, OpenAI stops serving API requests for ${
    input.projectId ? 'this project' : 'the whole organization'
  } until the next month or until the limit is raised.`;

/** The limit in cents when the request was made; null when none was set. */

export const spendLimitShow = defineOperation({
  name: 'spend-limit.show',
  words: ['spend-limit', 'show'],
  summary: 'Show the hard monthly spend limit of the organization or of a project',
  args: [projectFlag],
  input: z.object(scopeTypedFields),
  resolved: z.object({ ...scopeTypedFields, ...scopeResolvedFields }),
  risk: 'read',
  resolve: (deps, input) => resolveScope(deps, input),
  describe: (input) => `Show the spend limit of ${scopeLabel(input)}`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.spendLimits.retrieve(input.projectId);
    if (!data) {
      return {
        title: `No spend limit is set for ${scopeLabel(input)}.`,
        notes: ['Spend is not capped; spend alerts only send emails.'],
      };
    }
    return {
      title: `Spend limit of ${scopeLabel(input)}: ${formatCents(data.threshold_amount)} ${per(data.interval)}`,
      notes: [enforcementText(data)],
      ...(requestId ? { requestId } : {}),
    };
  },
});

const setTyped = z.object({ amount: dollarsAsCents(1), ...scopeTypedFields });

export const spendLimitSet = defineOperation({
  name: 'spend-limit.set',
  words: ['spend-limit', 'set'],
  summary: 'Set or replace the hard monthly spend limit (API traffic stops when reached)',
  args: [{ name: 'amount', kind: 'positional', placeholder: '<amount>', help: 'dollars, e.g. 1,250.50' }, projectFlag],
  input: setTyped,
  /** `current`: the limit now, in cents, or null when none is set. */
  resolved: setTyped.extend({ ...scopeResolvedFields, current: z.number().nullable() }),
  risk: 'destructive',
  async resolve(deps, input) {
    const scoped = await resolveScope(deps, input, { active: true });
    const { data } = await deps.admin.spendLimits.retrieve(scoped.projectId);
    if (data?.threshold_amount === input.amount) {
      throw new UsageError(
        `The spend limit of ${scopeLabel(scoped)} is already ${formatCents(input.amount)}; nothing to change.`,
      );
    }
    return { ...scoped, current: data?.threshold_amount ?? null };
  },
  describe: (input) => `Set the spend limit of ${scopeLabel(input)} to ${formatCents(input.amount)} a month`,
  preview: async (_deps, input) => [
    `Limit now: ${typeof input.current === 'number' ? `${formatCents(input.current)} a month` : 'none'}; after: ${formatCents(input.amount)} a month.`,
    `Warning: ${stopWarning(input)}`,
  ],
  async run(deps, input) {
    const { data, requestId } = await deps.admin.spendLimits.set(input.projectId, {
      threshold_amount: input.amount,
      currency: 'USD',
      interval: 'month',
    });
    return {
      title: `Spend limit of ${scopeLabel(input)} set to ${formatCents(data.threshold_amount)} ${per(data.interval)}.`,
      notes: [enforcementText(data)],
      requestId,
    };
  },
});

export const spendLimitRemove = defineOperation({
  name: 'spend-limit.remove',
  words: ['spend-limit', 'remove'],
  summary: 'Remove the hard monthly spend limit: spend is no longer capped',
  args: [projectFlag],
  input: z.object(scopeTypedFields),
  /** `current`: the limit about to be removed, in cents. */
  resolved: z.object({ ...scopeTypedFields, ...scopeResolvedFields, current: z.number() }),
  risk: 'destructive',
  async resolve(deps, input) {
    const scoped = await resolveScope(deps, input, { active: true });
    const { data } = await deps.admin.spendLimits.retrieve(scoped.projectId);
    if (!data) throw new UsageError(`No spend limit is set for ${scopeLabel(scoped)}; nothing to remove.`);
    return { ...scoped, current: data.threshold_amount };
  },
  describe: (input) => `Remove the spend limit of ${scopeLabel(input)}`,
  preview: async (_deps, input) => [
    `Limit now: ${formatCents(input.current)} a month; after: none, spend is not capped.`,
  ],
  async run(deps, input) {
    const { requestId } = await deps.admin.spendLimits.delete(input.projectId);
    return { title: `Removed the spend limit of ${scopeLabel(input)}; spend is no longer capped.`, requestId };
  },
});
