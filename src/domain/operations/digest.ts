import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { NotFoundError, UsageError } from '../../errors.js';
import { describeSchedule, nextRun, parseSchedule, ScheduleError, scheduleWords } from '../digests/schedule.js';
import { DIGEST_SECTIONS } from '../digests/sections.js';
import type { DigestSubscription } from '../digests/subscription.js';
import type { ReplyItem } from '../reply.js';
import { resolveProjects } from '../resolve.js';
import { defineOperation } from './operation.js';

/** Subscriptions one channel may hold; more would only repeat the same figures. */
const MAX_PER_CHANNEL = 10;

const newSubscriptionId = () => `dig_${randomBytes(4).toString('hex')}`;

/** A schedule as typed (`daily 09:00 Europe/Berlin`), or as parsed before (a stored request's input), checked again. */
const schedule = z
  .union([z.array(z.string()), z.object({ cron: z.string(), timezone: z.string() })])
  .transform((value, ctx) => {
    if (Array.isArray(value) && value.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'Say when, e.g. daily 09:00 Europe/Berlin.' });
      return z.NEVER;
    }
    try {
      return parseSchedule(Array.isArray(value) ? scheduleWords(value) : [value.cron, value.timezone]);
    } catch (error) {
      if (!(error instanceof ScheduleError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  });

const section = z.enum(DIGEST_SECTIONS, {
  error: (issue) => `"${String(issue.input)}" is not a digest section; use ${DIGEST_SECTIONS.join(', ')}.`,
});

const nextRunText = (cron: string, timezone: string, after: Date): string => {
  const next = nextRun({ cron, timezone }, after);
  if (!next) return 'never';
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, dateStyle: 'medium', timeStyle: 'short' });
  return `${local.format(next)} ${timezone}`;
};

const subscriptionItem = (sub: DigestSubscription, now: Date): ReplyItem => ({
  title: describeSchedule({ cron: sub.schedule, timezone: sub.timezone }),
  id: sub.id,
  channelId: sub.channel_id,
  facts: [
    sub.project_ids ? `projects ${sub.project_ids.join(', ')}` : 'all projects',
    ...(sub.muted_sections.length ? [`muted: ${sub.muted_sections.join(', ')}`] : []),
    `next ${nextRunText(sub.schedule, sub.timezone, now)}`,
  ],
});

const channelOf = (channelId: string | undefined, action: string): string => {
  if (!channelId) throw new UsageError(`Run digest ${action} in the channel the digest belongs to.`);
  return channelId;
};

const subscribeTyped = z.object({
  schedule,
  project: z.array(z.string().trim().min(1)).default([]),
  mute: z.array(section).default([]),
});

export const digestSubscribe = defineOperation({
  name: 'digest.subscribe',
  words: ['digest', 'subscribe'],
  summary: 'Post a spend digest in this channel on a schedule, e.g. daily 09:00 Europe/Berlin (alerts included)',
  args: [
    {
      name: 'schedule',
      kind: 'positional',
      placeholder: '<schedule>',
      repeatable: true,
      help: 'daily 09:00 <tz>, weekdays 09:00 <tz>, weekly mon 09:00 <tz>, monthly 1 09:00 <tz> or "<cron>" <tz>',
    },
    {
      name: 'project',
      kind: 'flag',
      placeholder: '<project_id|name>',
      optional: true,
      repeatable: true,
      input: 'project',
      help: 'only these projects (default: all)',
    },
    {
      name: 'mute',
      kind: 'flag',
      placeholder: '<section>',
      optional: true,
      repeatable: true,
      choices: DIGEST_SECTIONS,
      help: 'leave a section out; "alerts" stops threshold alerts here',
    },
  ],
  input: subscribeTyped,
  /** The projects named, looked up; none means every project. */
  resolved: subscribeTyped.extend({
    projectIds: z.array(z.string()).default([]),
    projectNames: z.array(z.string()).default([]),
  }),
  risk: 'write',
  async resolve(deps, input) {
    if (input.project.length === 0) return { ...input, projectIds: [], projectNames: [] };
    return { ...input, ...(await resolveProjects(deps.admin, input.project)) };
  },
  describe: (input) =>
    `Post the spend digest ${describeSchedule(input.schedule)}` +
    (input.projectNames.length ? ` for ${input.projectNames.join(', ')}` : ' for all projects'),
  async run(deps, input, actor) {
    const channelId = channelOf(actor.channelId, 'subscribe');
    const existing = await deps.store.listSubscriptions(channelId);
    const projectIds = input.projectIds.length ? [...input.projectIds].sort() : null;
    const same = existing.find(
      (sub) =>
        sub.schedule === input.schedule.cron &&
        sub.timezone === input.schedule.timezone &&
        JSON.stringify(sub.project_ids ? [...sub.project_ids].sort() : null) === JSON.stringify(projectIds),
    );
    if (same) throw new UsageError(`This channel already gets this digest (${same.id}).`);
    if (existing.length >= MAX_PER_CHANNEL) {
      throw new UsageError(`This channel already has ${existing.length} digests; unsubscribe one first.`);
    }
    const now = deps.now();
    const created = await deps.store.createSubscription({
      id: newSubscriptionId(),
      channel_id: channelId,
      schedule: input.schedule.cron,
      timezone: input.schedule.timezone,
      project_ids: projectIds,
      muted_sections: [...new Set(input.mute)],
      created_by: actor.userId,
      created_at: now.getTime(),
    });
    const muted = created.muted_sections;
    return {
      title: `This channel gets the spend digest ${describeSchedule(input.schedule)}.`,
      notes: [
        `Subscription ${created.id}; next digest ${nextRunText(created.schedule, created.timezone, now)}.`,
        input.projectNames.length ? `Projects: ${input.projectNames.join(', ')}.` : 'All projects.',
        muted.includes('alerts')
          ? 'Threshold alerts are muted here.'
          : 'Spend-alert thresholds reached this month are announced here as they happen.',
        ...(muted.length ? [`Muted: ${muted.join(', ')}.`] : []),
        'The bot must be a member of this channel to post here.',
      ],
      visibility: 'channel',
    };
  },
});

export const digestList = defineOperation({
  name: 'digest.list',
  words: ['digest', 'list'],
  summary: "List this channel's spend digests (--all: every channel's)",
  args: [{ name: 'all', kind: 'flag', placeholder: '', boolean: true, optional: true }],
  input: z.object({ all: z.boolean().default(false) }),
  risk: 'read',
  describe: (input) => (input.all ? 'List every spend digest subscription' : "List this channel's spend digests"),
  async run(deps, input, actor) {
    const channelId = input.all ? undefined : channelOf(actor.channelId, 'list');
    const subscriptions = await deps.store.listSubscriptions(channelId);
    const now = deps.now();
    const where = input.all ? '' : ' in this channel';
    return {
      title: `${subscriptions.length} spend digest${subscriptions.length === 1 ? '' : 's'}${where}`,
      items: subscriptions.map((sub) => subscriptionItem(sub, now)),
      emptyText: `No spend digests${where}. Add one with /openai digest subscribe daily 09:00 Europe/Berlin.`,
    };
  },
});

export const digestUnsubscribe = defineOperation({
  name: 'digest.unsubscribe',
  words: ['digest', 'unsubscribe'],
  summary: 'Stop one of this channel’s spend digests',
  args: [{ name: 'id', kind: 'positional', placeholder: '<subscription_id>' }],
  input: z.object({ id: z.string().trim().min(1) }),
  risk: 'write',
  describe: (input) => `Stop spend digest ${input.id}`,
  async run(deps, input, actor) {
    const channelId = channelOf(actor.channelId, 'unsubscribe');
    if (await deps.store.deleteSubscription(input.id, channelId)) {
      return { title: `Stopped spend digest ${input.id} in this channel.`, visibility: 'channel' };
    }
    const elsewhere = (await deps.store.listSubscriptions()).some((sub) => sub.id === input.id);
    throw new NotFoundError(
      elsewhere
        ? `Spend digest ${input.id} belongs to another channel; unsubscribe it there.`
        : `No spend digest ${input.id} in this channel; /openai digest list shows this channel's digests.`,
    );
  },
});
