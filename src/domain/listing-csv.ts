import type { ReplyItem } from './reply.js';

/** A cell a spreadsheet would read as a formula starts with one of these; it is kept as text instead. */
const FORMULA_START = /^[=+\-@\t\r]/;

const cell = (value: string): string => {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A listing as CSV: one row per item with its name, id and facts, under a header row. */
export function listingCsv(items: readonly ReplyItem[]): string {
  const rows = items.map((item) => {
    const details = [...(item.channelId ? [`in ${item.channelId}`] : []), ...(item.facts ?? [])];
    return [item.title, item.id ?? '', details.join('; ')];
  });
  return `${[['name', 'id', 'details'], ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
