import type { WebClient } from '@slack/web-api';
import type { FileSink } from '../../domain/ports.js';
import { UsageError } from '../../errors.js';
import { escapeText } from '../mrkdwn.js';

/** Slack errors that mean the bot may not post files where it was asked to. */
const NOT_HERE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

const slackError = (error: unknown): string | undefined =>
  (error as { data?: { error?: unknown } }).data?.error as string | undefined;

/**
 * Shares files in a channel with Slack's files v2 flow (files.getUploadURLExternal, the bytes to the upload
 * URL, files.completeUploadExternal); the old files.upload is closed to new apps. Needs `files:write`.
 */
export function createSlackFileSink(client: WebClient): FileSink {
  return {
    async upload(file) {
      try {
        await client.files.uploadV2({
          channel_id: file.channelId,
          filename: file.filename,
          title: file.title,
          content: file.content,
          ...(file.comment ? { initial_comment: escapeText(file.comment) } : {}),
        });
      } catch (error) {
        const code = slackError(error);
        if (code && NOT_HERE.has(code)) {
          throw new UsageError(`Slack refused the file here (${code}); invite the bot to this channel and try again.`);
        }
        throw error;
      }
    },
  };
}
