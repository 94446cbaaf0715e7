import { fail, type Method, objectOf, str } from './types.js';

/** Slack's limit of blocks in a modal or a Home tab. */
const MAX_VIEW_BLOCKS = 100;

const viewAnswer = (record: { id: string; hash: string; view: Record<string, unknown> }) => ({
  ok: true,
  view: { ...record.view, id: record.id, hash: record.hash, state: { values: {} } },
});

const checkView = (view: Record<string, unknown> | undefined, kind: 'modal' | 'home') => {
  if (!view || view.type !== kind) return fail('invalid_arguments', { response_metadata: { messages: ['view'] } });
  const blocks = view.blocks;
  if (!Array.isArray(blocks) || blocks.length > MAX_VIEW_BLOCKS) return fail('invalid_blocks');
  if (kind === 'modal' && typeof (view.title as { text?: unknown } | undefined)?.text !== 'string') {
    return fail('invalid_arguments', { response_metadata: { messages: ['view.title is required'] } });
  }
  return undefined;
};

const open: Method = (workspace, args) => {
  const userId = workspace.userOfTrigger(str(args.trigger_id) ?? '');
  if (!userId) return fail('expired_trigger_id');
  const view = objectOf(args.view);
  const problem = checkView(view, 'modal');
  if (problem) return problem;
  const { record, closed } = workspace.views.open(userId, view as Record<string, unknown>);
  workspace.viewsClosed(closed, userId);
  workspace.viewChanged(record);
  return viewAnswer(record);
};

const push: Method = (workspace, args) => {
  const userId = workspace.userOfTrigger(str(args.trigger_id) ?? '');
  if (!userId) return fail('expired_trigger_id');
  const view = objectOf(args.view);
  const problem = checkView(view, 'modal');
  if (problem) return problem;
  const record = workspace.views.push(userId, view as Record<string, unknown>);
  if (typeof record === 'string') return fail(record);
  workspace.viewChanged(record);
  return viewAnswer(record);
};

const update: Method = (workspace, args) => {
  const id = str(args.view_id);
  const existing = id ? workspace.views.get(id) : undefined;
  if (!existing) return fail('not_found');
  const view = objectOf(args.view);
  const problem = checkView(view, existing.kind);
  if (problem) return problem;
  const record = workspace.views.update(existing.id, view as Record<string, unknown>, str(args.hash));
  if (typeof record === 'string') return fail(record);
  workspace.viewChanged(record);
  return viewAnswer(record);
};

const publish: Method = (workspace, args) => {
  const userId = str(args.user_id);
  if (!userId || !workspace.conversationExists(`D${userId.replace(/^U/, '')}`)) return fail('user_not_found');
  const view = objectOf(args.view);
  const problem = checkView(view, 'home');
  if (problem) return problem;
  const record = workspace.views.publishHome(userId, view as Record<string, unknown>);
  workspace.viewChanged(record);
  return viewAnswer(record);
};

export const viewMethods: Record<string, Method> = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
  'views.publish': publish,
};
