import type { WebClient } from '@slack/web-api';
import { request } from 'undici';

/** A file to share in a channel, optionally as a reply in a thread. */
export interface FileUpload {
  channelId: string;
  threadTs?: string;
  filename: string;
  title: string;
  bytes: Buffer;
  initialComment?: string;
  altText?: string;
}

/**
 * Shares a file with Slack's upload flow (files.upload is gone): ask for an upload URL, send the bytes there,
 * then complete the upload into the channel or thread. Returns the file id; throws when any step fails.
 */
export async function uploadFile(client: WebClient, upload: FileUpload): Promise<string> {
  const target = await client.files.getUploadURLExternal({
    filename: upload.filename,
    length: upload.bytes.length,
    ...(upload.altText ? { alt_text: upload.altText } : {}),
  });
  if (!target.upload_url || !target.file_id) throw new Error('files.getUploadURLExternal gave no upload URL');
  const response = await request(target.upload_url, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: upload.bytes,
  });
  await response.body.dump();
  if (response.statusCode !== 200) throw new Error(`the file upload URL answered HTTP ${response.statusCode}`);
  const files: [{ id: string; title: string }] = [{ id: target.file_id, title: upload.title }];
  const comment = upload.initialComment ? { initial_comment: upload.initialComment } : {};
  await (upload.threadTs
    ? client.files.completeUploadExternal({
        files,
        channel_id: upload.channelId,
        thread_ts: upload.threadTs,
        ...comment,
      })
    : client.files.completeUploadExternal({ files, channel_id: upload.channelId, ...comment }));
  return target.file_id;
}
