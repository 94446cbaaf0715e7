import { z } from 'zod';
import { NotFoundError, UsageError } from '../../errors.js';
import type { RateLimit, RateLimitField } from '../admin-api/settings.js';
import type { ReplyItem } from '../reply.js';
import { resolveProject } from '../resolve.js';
import { type ArgSpec, defineOperation } from './operation.js';
import { projectArg, projectResolvedFields, resolveActiveProject } from './scope.js';

/** Each flag of `rate-limits set`, the API field it sets and how people read it. */
const LIMITS = [
  { flag: 'rpm', field: 'max_requests_per_1_minute', unit: 'requests/min', help: 'requests per minute' },
  { flag: 'tpm', field: 'max_tokens_per_1_minute', unit: 'tokens/min', help: 'tokens per minute' },
  { flag: 'rpd', field: 'max_requests_per_1_day', unit: 'requests/day', help: 'requests per day' },
  { flag: 'images_per_minute', field: 'max_images_per_1_minute', unit: 'images/min', help: 'images per minute' },
  { flag: 'audio_mb_per_minute', field: 'max_audio_megabytes_per_1_minute', unit: 'audio MB/min', help: '' },
  { flag: 'batch_tokens_per_day', field: 'batch_1_day_max_input_tokens', unit: 'batch input tokens/day', help: '' },
] as const satisfies readonly { flag: string; field: RateLimitField; unit: string; help: string }[];

type Flag = (typeof LIMITS)[number]['flag'];

const count = new Intl.NumberFormat('en-US');
const SUFFIX: Record<string, number> = { '': 1, k: 1e3, m: 1e6, b: 1e9 };

/** A positive whole number as typed: `5000`, `5,000`, `5k`, `1.5M`; or as a number (a stored request's input). */
const limitValue = (flag: string) =>
  z.union([z.string(), z.number()]).transform((input, ctx) => {
    const text = String(input);
    const match = typeof input === 'number' ? null : /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)([kmb]?)$/i.exec(text.trim());
    const value =
      typeof input === 'number'
        ? input
        : match
          ? Number((match[1] ?? '').replace(/,/g, '')) * (SUFFIX[(match[2] ?? '').toLowerCase()] ?? 1)
          : NaN;
    if (!Number.isSafeInteger(value) || value < 1) {
      ctx.addIssue({
        code: 'custom',
        message: `--${flag.replace(/_/g, '-')} takes a whole number of 1 or more (e.g. 5000, 5,000 or 5k), not "${text}".`,
      });
      return z.NEVER;
    }
    return value;
  });

const limitArgs: ArgSpec[] = LIMITS.map((limit) => ({
  name: limit.flag,
  kind: 'flag',
  placeholder: '<n>',
  optional: true,
  input: 'number',
  help: limit.help || limit.unit,
}));

const facts = (limit: RateLimit): string[] =>
  LIMITS.flatMap(({ field, unit }) => {
    const value = limit[field];
    return typeof value === 'number' ? [`${count.format(value)} ${unit}`] : [];
  });

export const rateLimitsList = defineOperation({
  name: 'rate-limits.list',
  words: ['rate-limits', 'list'],
  summary: 'Show the rate limits of a project, per model',
  args: [projectArg],
  input: z.object({ project: z.string().min(1) }),
  risk: 'read',
  describe: (input) => `List rate limits of project ${input.project}`,
  async run(deps, input) {
    const project = await resolveProject(deps.admin, input.project);
    const items: ReplyItem[] = [];
    for await (const limit of deps.admin.rateLimits.list(project.id)) {
      items.push({ title: limit.model, id: limit.id, facts: facts(limit) });
    }
    return {
      title: `Rate limits of project ${project.name ?? project.id} (${items.length} model${items.length === 1 ? '' : 's'})`,
      items,
      emptyText: 'No rate limits.',
    };
  },
});

const changeSchema = z.object(
  Object.fromEntries(LIMITS.map((l) => [l.flag, limitValue(l.flag).optional()])) as {
    [K in Flag]: z.ZodOptional<ReturnType<typeof limitValue>>;
  },
);

const setTyped = changeSchema.extend({ project: z.string().min(1), model: z.string().min(1) });

const someLimit = (input: z.output<typeof changeSchema>) => LIMITS.some((l) => input[l.flag] !== undefined);
const someLimitIssue = {
  path: ['rpm'],
  message: `Give at least one limit to change: ${LIMITS.map((l) => `--${l.flag.replace(/_/g, '-')}`).join(', ')}.`,
};

export const rateLimitsSet = defineOperation({
  name: 'rate-limits.set',
  words: ['rate-limits', 'set'],
  summary: 'Change the rate limits of one model in a project (it affects live traffic)',
  args: [projectArg, { name: 'model', kind: 'positional', placeholder: '<model>' }, ...limitArgs],
  input: setTyped.refine(someLimit, someLimitIssue),
  resolved: setTyped
    .extend({
      ...projectResolvedFields,
      rateLimitId: z.string(),
      /** The values when the request was made, for the approval card. */
      current: z.record(z.string(), z.number().nullable()),
    })
    .refine(someLimit, someLimitIssue),
  risk: 'destructive',
  async resolve(deps, input) {
    const project = await resolveActiveProject(deps, input.project);
    const models: string[] = [];
    let found: RateLimit | undefined;
    for await (const limit of deps.admin.rateLimits.list(project.id)) {
      models.push(limit.model);
      if (limit.model.toLowerCase() === input.model.toLowerCase() || limit.id === input.model) found = limit;
    }
    if (!found) {
      throw new NotFoundError(
        `Project ${project.name ?? project.id} has no rate limit for model "${input.model}". Its models: ${models.join(', ') || 'none'}.`,
      );
    }
    const limit = found;
    const current: Record<string, number | null> = {};
    for (const { flag, field, unit } of LIMITS) {
      if (input[flag] === undefined) continue;
      const value = limit[field];
      if (typeof value !== 'number') throw new UsageError(`Model ${limit.model} has no ${unit} limit to change.`);
      current[flag] = value;
    }
    if (LIMITS.every(({ flag }) => input[flag] === undefined || input[flag] === current[flag])) {
      throw new UsageError(`The limits of ${limit.model} already have these values; nothing to change.`);
    }
    return {
      ...input,
      model: limit.model,
      projectId: project.id,
      projectName: project.name ?? null,
      rateLimitId: limit.id,
      current,
    };
  },
  describe: (input) => {
    const changes = LIMITS.filter(({ flag }) => input[flag] !== undefined).map(
      ({ flag, unit }) => `${unit} ${count.format(input[flag] ?? 0)}`,
    );
    return `Set rate limits of ${input.model} in project ${input.projectName ?? input.project}: ${changes.join(', ')}`;
  },
  preview: async (_deps, input) =>
    LIMITS.filter(({ flag }) => input[flag] !== undefined).map(({ flag, unit }) => {
      const before = input.current[flag];
      return `${unit}: ${typeof before === 'number' ? count.format(before) : 'unknown'} → ${count.format(input[flag] ?? 0)}`;
    }),
  async run(deps, input) {
    const body = Object.fromEntries(
      LIMITS.filter(({ flag }) => input[flag] !== undefined).map(({ flag, field }) => [field, input[flag]]),
    );
    const { data, requestId } = await deps.admin.rateLimits.update(input.projectId, input.rateLimitId, body);
    return {
      title: `Updated the rate limits of ${data.model} in project ${input.projectName ?? input.project}.`,
      notes: facts(data),
      requestId,
    };
  },
});
