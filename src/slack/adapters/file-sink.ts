import type { WebClient } from '@slack/web-api';
import type { FileSink } from '../../domain/ports.js';
import { UsageError } from '../../errors.js';
import { escapeText } from '../mrkdwn.js';

/** Slack errors that mean the bot may not send the file. */
const NOT_HERE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'cannot_dm_bot']);

const slackError = (error: unknown): string | undefined =>
  (error as { data?: { error?: unknown } }).data?.error as string | undefined;

/**
 * Sends files in a direct message with Slack's files v2 flow (files.getUploadURLExternal, the bytes to the upload
 * URL, files.completeUploadExternal); the old files.upload is closed to new apps. Needs `files:write`, `im:write`.
 */
export function createSlackFileSink(client: WebClient): FileSink {
  return {
    async upload(file) {
      try {
        const opened = await client.conversations.open({ users: file.recipientUserId });
        await client.files.uploadV2({
          channel_id: opened.channel?.id as string,
          filename: file.filename,
          title: file.title,
          content: file.content,
          ...(file.comment ? { initial_comment: escapeText(file.comment) } : {}),
        });
      } catch (error) {
        const code = slackError(error);
        if (code && NOT_HERE.has(code)) {
          throw new UsageError(`Slack refused to send you the file (${code}).`);
        }
        throw error;
      }
    },
  };
}
