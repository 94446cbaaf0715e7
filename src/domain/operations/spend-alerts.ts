import { z } from 'zod';
import type { SpendAlert, SpendAlertParams } from '../admin-api/settings.js';
import { formatCents } from '../money.js';
import type { ReplyItem } from '../reply.js';
import { type ArgSpec, defineOperation } from './operation.js';
import {
  dollarsAsCents,
  emailAddress,
  projectFlag,
  resolveScope,
  scopeLabel,
  scopeResolvedFields,
  scopeTypedFields,
} from './scope.js';

const amountArg: ArgSpec = {
  name: 'amount',
  kind: 'positional',
  placeholder: '<amount>',
  help: 'dollars, e.g. 1,250.50',
};
const alertArg: ArgSpec = { name: 'alert', kind: 'positional', placeholder: '<alert_id>' };
const emailArg: ArgSpec = {
  name: 'email',
  kind: 'flag',
  placeholder: '<email>',
  repeatable: true,
  help: 'who is emailed when spend passes the amount',
  input: 'email',
};
const prefixArg: ArgSpec = {
  name: 'subject_prefix',
  kind: 'flag',
  placeholder: '"<text>"',
  optional: true,
  help: 'start of the email subject',
};

const recipients = z
  .array(emailAddress, { error: 'Give at least one recipient: --email a@x.com.' })
  .min(1, 'Give at least one recipient: --email a@x.com.')
  .transform((list) => [...new Set(list)]);
const subjectPrefix = z.string().trim().min(1).max(200, 'The subject prefix is at most 200 characters.').optional();

const per = (interval: string) => (interval === 'month' ? 'a month' : `per ${interval}`);

/** One line for an alert: amount, recipients and subject prefix. */
const alertFacts = (alert: SpendAlert): string[] => [
  `email ${alert.notification_channel.recipients.join(', ') || 'nobody'}`,
  ...(alert.notification_channel.subject_prefix ? [`subject “${alert.notification_channel.subject_prefix}”`] : []),
];

const body = (cents: number, emails: string[], prefix: string | null | undefined): SpendAlertParams => ({
  threshold_amount: cents,
  currency: 'USD',
  interval: 'month',
  notification_channel: { type: 'email', recipients: emails, ...(prefix ? { subject_prefix: prefix } : {}) },
});

export const spendAlertsList = defineOperation({
  name: 'spend-alerts.list',
  words: ['spend-alerts', 'list'],
  summary: 'List the spend alerts of the organization or of a project',
  args: [projectFlag],
  input: z.object(scopeTypedFields),
  resolved: z.object({ ...scopeTypedFields, ...scopeResolvedFields }),
  risk: 'read',
  resolve: (deps, input) => resolveScope(deps, input),
  describe: (input) => `List spend alerts of ${scopeLabel(input)}`,
  async run(deps, input) {
    const items: ReplyItem[] = [];
    for await (const alert of deps.admin.spendAlerts.list(input.projectId)) {
      items.push({
        title: `${formatCents(alert.threshold_amount)} ${per(alert.interval)}`,
        id: alert.id,
        facts: alertFacts(alert),
      });
    }
    return {
      title: `${items.length} spend alert${items.length === 1 ? '' : 's'} for ${scopeLabel(input)}`,
      items,
      emptyText: 'No spend alerts.',
    };
  },
});

const createTyped = z.object({
  amount: dollarsAsCents(0),
  email: recipients,
  subject_prefix: subjectPrefix,
  ...scopeTypedFields,
});

export const spendAlertsCreate = defineOperation({
  name: 'spend-alerts.create',
  words: ['spend-alerts', 'create'],
  summary: 'Email people when monthly spend passes an amount (organization, or a project with --project)',
  args: [amountArg, emailArg, projectFlag, prefixArg],
  input: createTyped,
  resolved: createTyped.extend(scopeResolvedFields),
  risk: 'write',
  resolve: (deps, input) => resolveScope(deps, input, { active: true }),
  describe: (input) =>
    `Create a spend alert for ${scopeLabel(input)} at ${formatCents(input.amount)} a month, emailing ${input.email.join(', ')}`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.spendAlerts.create(
      input.projectId,
      body(input.amount, input.email, input.subject_prefix),
    );
    return {
      title: `Spend alert set for ${scopeLabel(input)}: ${formatCents(data.threshold_amount)} ${per(data.interval)}.`,
      notes: [`Alert id: ${data.id}`, ...alertFacts(data)],
      requestId,
    };
  },
});

const updateTyped = z.object({
  alert: z.string().min(1),
  amount: dollarsAsCents(0),
  email: recipients,
  subject_prefix: subjectPrefix,
  ...scopeTypedFields,
});

export const spendAlertsUpdate = defineOperation({
  name: 'spend-alerts.update',
  words: ['spend-alerts', 'update'],
  summary: 'Replace the amount and recipients of a spend alert (the subject prefix is kept unless given)',
  args: [alertArg, amountArg, emailArg, projectFlag, prefixArg],
  input: updateTyped,
  resolved: updateTyped.extend({
    ...scopeResolvedFields,
    /** The alert as it was when the command was given. */
    before: z.object({ cents: z.number(), emails: z.array(z.string()), prefix: z.string().nullable() }),
  }),
  risk: 'write',
  async resolve(deps, input) {
    const scoped = await resolveScope(deps, input, { active: true });
    const { data } = await deps.admin.spendAlerts.retrieve(scoped.projectId, input.alert);
    const prefix = data.notification_channel.subject_prefix ?? null;
    return {
      ...scoped,
      subject_prefix: input.subject_prefix ?? prefix ?? undefined,
      before: { cents: data.threshold_amount, emails: data.notification_channel.recipients, prefix },
    };
  },
  describe: (input) =>
    `Change spend alert ${input.alert} of ${scopeLabel(input)} ` +
    `from ${formatCents(input.before.cents)} (${input.before.emails.join(', ')}) ` +
    `to ${formatCents(input.amount)} a month, emailing ${input.email.join(', ')}`,
  async run(deps, input) {
    const { data, requestId } = await deps.admin.spendAlerts.update(
      input.projectId,
      input.alert,
      body(input.amount, input.email, input.subject_prefix),
    );
    return {
      title: `Spend alert ${data.id} of ${scopeLabel(input)} is now ${formatCents(data.threshold_amount)} ${per(data.interval)}.`,
      notes: alertFacts(data),
      requestId,
    };
  },
});

export const spendAlertsDelete = defineOperation({
  name: 'spend-alerts.delete',
  words: ['spend-alerts', 'delete'],
  summary: 'Delete a spend alert (nobody is emailed at that amount any more)',
  args: [alertArg, projectFlag],
  input: z.object({ alert: z.string().min(1), ...scopeTypedFields }),
  /** `cents` and `emails`: the alert about to be deleted. */
  resolved: z.object({
    alert: z.string().min(1),
    ...scopeTypedFields,
    ...scopeResolvedFields,
    cents: z.number(),
    emails: z.array(z.string()),
  }),
  risk: 'destructive',
  async resolve(deps, input) {
    const scoped = await resolveScope(deps, input, { active: true });
    const { data } = await deps.admin.spendAlerts.retrieve(scoped.projectId, input.alert);
    return { ...scoped, cents: data.threshold_amount, emails: data.notification_channel.recipients };
  },
  describe: (input) =>
    `Delete spend alert ${input.alert} of ${scopeLabel(input)}` + ` (${formatCents(input.cents)} a month)`,
  preview: async (_deps, input) => [
    `Now: ${input.emails.join(', ') || 'nobody'} emailed when monthly spend passes ${formatCents(input.cents)}; after: no alert at that amount.`,
    'Deleting an alert is silent: nobody is told when spend passes that amount.',
  ],
  async run(deps, input) {
    const { requestId } = await deps.admin.spendAlerts.delete(input.projectId, input.alert);
    return { title: `Deleted spend alert ${input.alert} of ${scopeLabel(input)}.`, requestId };
  },
});
