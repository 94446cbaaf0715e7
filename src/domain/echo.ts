/** Longest piece of typed input repeated back in a message. */
export const ECHO_CHARS = 60;

/**
 * Typed text as a message repeats it: at most `max` characters, cut between code points and marked with an
 * ellipsis, so a hostile word of any length comes back as a short, recognisable prefix.
 */
export function echo(text: string, max = ECHO_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const last = cut.charCodeAt(cut.length - 1);
  const whole = last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
  return `${whole}…`;
}
