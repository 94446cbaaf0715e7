import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { NotFoundError, UsageError } from '../../errors.js';
import type { Actor } from '../actor.js';
import type { ReplyItem } from '../reply.js';
import { startWatchCursor } from '../watch/watch-poller.js';
import { checkWatchTypes, SECURITY_TYPES } from '../watch/watch-types.js';
import { defineOperation } from './operation.js';

const channelOf = (actor: Actor): string => {
  if (!actor.channelId) throw new UsageError('Audit watches belong to a channel; use this command in one.');
  return actor.channelId;
};

/** `api_key.*, all but user.updated` or `the security set, all but invite.*`. */
const typesText = (patterns: readonly string[]) => {
  const wanted = patterns.filter((p) => !p.startsWith('!'));
  const muted = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const base = wanted.length ? wanted.join(', ') : 'the security set';
  return muted.length ? `${base}, all but ${muted.join(', ')}` : base;
};

const watchTypes = z
  .array(z.string())
  .default([])
  .transform((types, ctx) => {
    const checked = checkWatchTypes(types);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: checked.error });
      return z.NEVER;
    }
    return checked.types;
  });

export const watchSubscribe = defineOperation({
  name: 'watch.subscribe',
  words: ['watch', 'subscribe'],
  summary:
    'Post new audit-log events of these types in this channel (default: a security set; --mute leaves types out), each once',
  args: [
    { name: 'type', kind: 'flag', placeholder: '<event_type|family.*>', optional: true, repeatable: true },
    {
      name: 'mute',
      kind: 'flag',
      placeholder: '<event_type|family.*>',
      optional: true,
      repeatable: true,
      help: 'leave out these types (e.g. from the security set)',
    },
  ],
  input: z.object({ type: watchTypes, mute: watchTypes }),
  risk: 'write',
  describe: (input) => `Watch ${typesText([...input.type, ...input.mute.map((t) => `!${t}`)])} in this channel`,
  async run(deps, input, actor) {
    const channelId = channelOf(actor);
    const now = deps.now().getTime();
    await startWatchCursor(deps.admin, deps.store.watches, now);
    const watch = await deps.store.watches.createWatch({
      id: `watch_${randomBytes(4).toString('hex')}`,
      channel_id: channelId,
      types: [...input.type, ...input.mute.map((type) => `!${type}`)],
      created_by: actor.userId,
      created_at: now,
    });
    return {
      title: `This channel now hears about new audit-log events: ${typesText(watch.types)}.`,
      notes: [
        ...(watch.types.some((t) => !t.startsWith('!')) ? [] : [`The security set: ${SECURITY_TYPES.join(', ')}.`]),
        `Watch ${watch.id}; /openai watch unsubscribe ${watch.id} stops it. Events appear within two minutes.`,
      ],
    };
  },
});

export const watchList = defineOperation({
  name: 'watch.list',
  words: ['watch', 'list'],
  summary: "List this channel's audit watches",
  args: [],
  input: z.object({}),
  risk: 'read',
  describe: () => 'List audit watches',
  async run(deps, _input, actor) {
    const watches = await deps.store.watches.listWatches(channelOf(actor));
    const items: ReplyItem[] = watches.map((w) => ({
      title: typesText(w.types),
      id: w.id,
      facts: [`by ${w.created_by}`, new Date(w.created_at).toISOString().slice(0, 10)],
    }));
    return {
      title: `${items.length} audit watch${items.length === 1 ? '' : 'es'} here`,
      items,
      emptyText: 'No audit watches in this channel.',
    };
  },
});

export const watchUnsubscribe = defineOperation({
  name: 'watch.unsubscribe',
  words: ['watch', 'unsubscribe'],
  summary: "Stop one of this channel's audit watches",
  args: [{ name: 'watch', kind: 'positional', placeholder: '<watch_id>' }],
  input: z.object({ watch: z.string().trim().min(1) }),
  risk: 'write',
  describe: (input) => `Stop audit watch ${input.watch}`,
  async run(deps, input, actor) {
    if (!(await deps.store.watches.deleteWatch(input.watch, channelOf(actor)))) {
      throw new NotFoundError(`This channel has no audit watch ${input.watch}; /openai watch list shows them.`);
    }
    return { title: `Stopped audit watch ${input.watch}.` };
  },
});
