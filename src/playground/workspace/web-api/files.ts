import { BOT } from '../seed.js';
import { conversationOf } from './chat.js';
import { fail, type Method, str } from './types.js';

const filesOf = (value: unknown): { id: string; title?: string }[] | undefined => {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!Array.isArray(parsed)) return undefined;
  const files = parsed.filter((f): f is { id: string; title?: string } => typeof f?.id === 'string');
  return files.length === parsed.length && files.length > 0 ? files : undefined;
};

export const fileMethods: Record<string, Method> = {
  'files.getUploadURLExternal': (workspace, args) => {
    const filename = str(args.filename);
    if (!filename) return fail('invalid_arguments');
    if (!(Number(args.length) > 0)) return fail('invalid_arguments');
    const { fileId, uploadUrl } = workspace.files.announce(filename, str(args.alt_text) ?? str(args.alt_txt));
    return { ok: true, upload_url: uploadUrl, file_id: fileId };
  },
  'files.completeUploadExternal': (workspace, args) => {
    const wanted = filesOf(args.files);
    if (!wanted) return fail('invalid_arguments');
    const channelArg = str(args.channel_id);
    const channel = channelArg ? conversationOf(workspace, channelArg) : undefined;
    if (channelArg && !channel) return fail('channel_not_found');
    let threadTs = str(args.thread_ts);
    if (channel && threadTs) {
      const parent = workspace.messages.find(channel, threadTs);
      if (!parent) return fail('thread_not_found');
      threadTs = parent.threadTs ?? parent.ts;
    }
    const shared = workspace.files.complete(wanted);
    if (!shared) return fail('file_not_found');
    if (channel) {
      workspace.post({ channel, author: BOT.userId, text: str(args.initial_comment) ?? '', threadTs, files: shared });
    }
    return { ok: true, files: shared.map((f) => ({ id: f.id, name: f.name, title: f.title, mimetype: f.mimetype })) };
  },
  'files.info': (workspace, args) => {
    const found = workspace.files.get(str(args.file) ?? '');
    return found
      ? { ok: true, file: { id: found.file.id, name: found.file.name, title: found.file.title } }
      : fail('file_not_found');
  },
};
