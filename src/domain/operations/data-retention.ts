import { z } from 'zod';
import { UsageError } from '../../errors.js';
import { ORG_RETENTION_TYPES, PROJECT_RETENTION_TYPES, type RetentionType } from '../admin-api/settings.js';
import { defineOperation } from './operation.js';
import { projectFlag, resolveScope, scopeLabel, scopeResolvedFields, scopeTypedFields } from './scope.js';

/** Each value in plain words. ZDR and Modified Abuse Monitoring need OpenAI's prior approval. */
const MEANING: Record<RetentionType, string> = {
  organization_default: 'follows the organization’s setting',
  none: 'no retention control: OpenAI keeps abuse-monitoring logs (prompts and outputs) for up to 30 days',
  zero_data_retention:
    'Zero Data Retention: prompts and outputs are left out of abuse-monitoring logs and not stored by eligible endpoints',
  modified_abuse_monitoring:
    'Modified Abuse Monitoring: prompts and outputs are left out of abuse-monitoring logs; features that keep state still store it',
  enhanced_zero_data_retention: 'Enhanced Zero Data Retention: the stricter form of Zero Data Retention',
  enhanced_modified_abuse_monitoring:
    'Enhanced Modified Abuse Monitoring: the stricter form of Modified Abuse Monitoring',
};

const ALIASES: Record<string, string> = {
  zdr: 'zero_data_retention',
  mam: 'modified_abuse_monitoring',
  default: 'organization_default',
};

/** `value (meaning)`, tolerating values the API adds later. */
export const retentionText = (type: string): string =>
  type in MEANING ? `${type}: ${MEANING[type as RetentionType]}` : type;

const normalise = (text: string) => {
  const key = text.trim().toLowerCase().replace(/-/g, '_');
  return ALIASES[key] ?? key;
};

export const retentionShow = defineOperation({
  name: 'retention.show',
  words: ['retention', 'show'],
  summary: 'Show the data retention setting of the organization or of a project',
  args: [projectFlag],
  input: z.object(scopeTypedFields),
  resolved: z.object({ ...scopeTypedFields, ...scopeResolvedFields }),
  risk: 'read',
  resolve: (deps, input) => resolveScope(deps, input),
  describe: (input) => `Show the data retention of ${scopeLabel(input)}`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.dataRetention.retrieve(input.projectId);
    const notes = [retentionText(data.type)];
    if (data.type === 'organization_default') {
      const org = await deps.admin.dataRetention.retrieve(null);
      notes.push(`The organization’s setting is ${retentionText(org.data.type)}`);
    }
    return {
      title: `Data retention of ${scopeLabel(input)}: ${data.type}`,
      notes,
      ...(requestId ? { requestId } : {}),
    };
  },
});

const setTyped = z.object({ type: z.string().min(1).transform(normalise), ...scopeTypedFields });

/** The organization and projects take different retention types. */
function allowedHere(input: { type: string; project?: string | undefined }, ctx: z.RefinementCtx): void {
  const allowed: readonly string[] = input.project === undefined ? ORG_RETENTION_TYPES : PROJECT_RETENTION_TYPES;
  if (allowed.includes(input.type)) return;
  const forProjects = (PROJECT_RETENTION_TYPES as readonly string[]).includes(input.type);
  ctx.addIssue({
    code: 'custom',
    path: ['type'],
    message: forProjects
      ? `"${input.type}" exists only for projects (add --project); the organization takes: ${ORG_RETENTION_TYPES.join(', ')}.`
      : `"${input.type}" is not a data retention type; use one of: ${allowed.join(', ')}.`,
  });
}

export const retentionSet = defineOperation({
  name: 'retention.set',
  words: ['retention', 'set'],
  summary: 'Change the data retention setting (ZDR and MAM need OpenAI’s prior approval)',
  args: [
    {
      name: 'type',
      kind: 'positional',
      placeholder: '<type>',
      help: PROJECT_RETENTION_TYPES.join(', '),
      choices: PROJECT_RETENTION_TYPES,
    },
    projectFlag,
  ],
  input: setTyped.superRefine(allowedHere),
  resolved: setTyped.extend({ ...scopeResolvedFields, current: z.string() }).superRefine(allowedHere),
  risk: 'destructive',
  async resolve(deps, input) {
    const scoped = await resolveScope(deps, input, { active: true });
    const { data } = await deps.admin.dataRetention.retrieve(scoped.projectId);
    if (data.type === input.type) {
      throw new UsageError(`The data retention of ${scopeLabel(scoped)} is already ${input.type}; nothing to change.`);
    }
    return { ...scoped, current: data.type };
  },
  describe: (input) => `Set the data retention of ${scopeLabel(input)} to ${input.type}`,
  preview: async (_deps, input) => [
    `Now: ${retentionText(input.current)}`,
    `After: ${retentionText(input.type)}`,
    'Zero Data Retention and Modified Abuse Monitoring need OpenAI’s prior approval; without it OpenAI refuses the change.',
  ],
  async run(deps, input) {
    const { data, requestId } = await deps.admin.dataRetention.update(input.projectId, input.type as RetentionType);
    return {
      title: `Data retention of ${scopeLabel(input)} is now ${data.type}.`,
      notes: [retentionText(data.type)],
      requestId,
    };
  },
});
