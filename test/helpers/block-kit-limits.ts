/** A message's blocks as Slack checks them before posting: what it would refuse with `invalid_blocks`, if anything. */
export function blockKitProblem(blocks: unknown): string | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  if (blocks.length > 50) return `${blocks.length} blocks; at most 50`;
  for (const [index, block] of blocks.entries()) {
    const b = block as { type?: string; text?: { text?: string }; fields?: { text?: string }[]; elements?: unknown[] };
    const text = b.text?.text ?? '';
    if (b.type === 'section') {
      if (b.text && (text.length < 1 || text.length > 3_000))
        return `blocks[${index}].text is ${text.length} characters`;
      if ((b.fields ?? []).length > 10) return `blocks[${index}] has more than 10 fields`;
      const long = (b.fields ?? []).findIndex((f) => (f.text ?? '').length > 2_000);
      if (long >= 0) return `blocks[${index}].fields[${long}] is over 2000 characters`;
    }
    if (b.type === 'header' && text.length > 150) return `blocks[${index}] header is ${text.length} characters`;
    if (b.type === 'context' && (b.elements ?? []).length > 10) return `blocks[${index}] has more than 10 elements`;
  }
  return undefined;
}
