import type { IncomingMessage, ServerResponse } from 'node:http';
import { BUSY_NOTICE } from '../slack/blocks/notice.js';
import type { SharedAdmission } from './admission.js';

/**
 * Commands handed over and not yet taken by the bot thread, at most: about a quarter of a second of a flood. Past
 * it the bot thread is not keeping up whatever its queue says, and the front door says "busy" itself.
 */
const MAX_BACKLOG = 512;
const BUSY_BODY = JSON.stringify(BUSY_NOTICE);

/** A slash command's form body, as Bolt's receiver recognises one: form-encoded, no interactivity `payload`. */
const isSlashCommand = (req: IncomingMessage, body: Buffer): boolean => {
  if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') return false;
  const text = body.toString('latin1');
  return /(?:^|&)command=/.test(text) && !/(?:^|&)payload=/.test(text);
};

export interface CommandHandover {
  readonly admission: SharedAdmission;
  /** Gives the bot thread a command acknowledged `ackSeconds` after it arrived. */
  handOver(formBody: string, ackSeconds: number): void;
}

/**
 * Acknowledges a signed slash command in the front door (true), or does nothing (false) for any other request: at
 * once and empty, handing the command to the bot thread, which answers through the command's `response_url`; or,
 * handing nothing over, with the busy notice while the bot thread takes no more work.
 */
export function acknowledgeCommand(
  thread: CommandHandover,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  arrivedAt: number,
): boolean {
  if (!isSlashCommand(req, body)) return false;
  const { admission } = thread;
  if (!admission.open || admission.backlog >= MAX_BACKLOG) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(BUSY_BODY);
    return true;
  }
  res.writeHead(200);
  res.end();
  admission.noteHandedOver();
  thread.handOver(body.toString('utf8'), (performance.now() - arrivedAt) / 1_000);
  return true;
}
