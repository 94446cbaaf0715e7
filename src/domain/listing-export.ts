import { UsageError } from '../errors.js';
import type { Actor } from './actor.js';
import { listingCsv } from './listing-csv.js';
import type { OperationDeps } from './ports.js';
import type { Reply, ReplyItem, ReplyMore } from './reply.js';

/** The most pages and rows one export gathers, so a listing without end cannot run on. */
export const EXPORT_PAGES = 100;
export const EXPORT_ROWS = 20_000;

/** Runs one page of a listing as the person asking, authorised as if they had typed it. */
export type PageRunner = (actor: Actor, page: ReplyMore) => Promise<Reply>;

/**
 * Gathers a whole listing, following its pages, and sends it to the person asking as a CSV file in a direct
 * message; the reply says what was sent.
 */
export async function exportListing(
  deps: OperationDeps,
  runPage: PageRunner,
  actor: Actor,
  listing: ReplyMore,
): Promise<Reply> {
  if (!deps.files || actor.source !== 'slack') throw new UsageError('The CSV file is sent to you in Slack.');
  const items: ReplyItem[] = [];
  let page: ReplyMore | undefined = listing;
  let title = '';
  for (let pages = 0; page && pages < EXPORT_PAGES && items.length < EXPORT_ROWS; pages++) {
    const reply = await runPage(actor, page);
    title ||= reply.title;
    items.push(...(reply.items ?? []));
    page = reply.more;
  }
  const capped = page !== undefined || items.length > EXPORT_ROWS;
  const rows = items.slice(0, EXPORT_ROWS);
  const stamp = deps.now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const filename = `${listing.operation.replace(/\W+/g, '-')}-${stamp}.csv`;
  await deps.files.upload({
    recipientUserId: actor.userId,
    filename,
    title: `${title} (CSV)`,
    content: listingCsv(rows),
    comment: `${rows.length} row${rows.length === 1 ? '' : 's'}: ${title}.`,
  });
  return {
    title: `Sent the whole list (${rows.length} row${rows.length === 1 ? '' : 's'}) to you as ${filename} in a direct message.`,
    ...(capped ? { notes: ['The list was longer than one file holds; narrow it with a filter to get the rest.'] } : {}),
  };
}
