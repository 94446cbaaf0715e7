import type { ResponseTarget } from './model.js';
import { BOT } from './seed.js';
import { blocksOf, str } from './web-api/types.js';
import type { Workspace } from './workspace.js';

const isTrue = (value: unknown) => value === true || value === 'true';

/**
 * A post to a response URL, applied as Slack applies it: `delete_original` removes the message the URL last showed
 * (or the one holding the clicked button), `replace_original` rewrites it, anything else is a new message,
 * visible only to the person who asked unless `response_type` is `in_channel`.
 */
export function answerResponseUrl(
  workspace: Workspace,
  target: ResponseTarget,
  body: Record<string, unknown>,
): { ok: boolean; error?: string } {
  const original = target.original ? workspace.messages.get(target.original) : undefined;
  if (isTrue(body.delete_original)) {
    if (original) workspace.remove(original);
    target.original = undefined;
    return { ok: true };
  }
  const blocks = blocksOf(body.blocks);
  if (blocks === 'invalid') return { ok: false, error: 'invalid_blocks' };
  const text = str(body.text) ?? '';
  if (!text && !blocks?.length) return { ok: false, error: 'no_text' };
  if (isTrue(body.replace_original) && original) {
    workspace.edit(original, { text, blocks });
    return { ok: true };
  }
  const inChannel = body.response_type === 'in_channel';
  const posted = workspace.post({
    channel: target.channel,
    author: BOT.userId,
    text,
    blocks,
    visibleTo: inChannel ? undefined : target.userId,
    command: inChannel ? target.command : undefined,
  });
  target.original = posted.key;
  return { ok: true };
}
