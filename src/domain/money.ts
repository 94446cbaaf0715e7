/**
 * Money as people type it and as the Admin API wants it. Spend alerts and limits travel as integer cents
 * (USD); costs arrive as dollar floats. Keep the two apart: cents are exact, cost floats are not.
 */

export type ParsedDollars = { ok: true; cents: number } | { ok: false; message: string };

const GROUPED = /^\d{1,3}(,\d{3})+$/;
const PLAIN = /^\d+$/;

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/**
 * Reads an amount in US dollars (`$500`, `500`, `500.00`, `1,250.50`, `$0.5`) into integer cents.
 * Refuses negative amounts, text that is not a number, more than two decimals and misplaced thousands
 * separators, each with a message saying which.
 *
 * @example parseDollars('$1,250.50') // { ok: true, cents: 125050 }
 */
export function parseDollars(text: string): ParsedDollars {
  const typed = text.trim();
  let rest = typed.replace(/\s+/g, '');
  if (rest.startsWith('-') || rest.startsWith('$-') || rest.startsWith('\u2212')) {
    return { ok: false, message: `"${typed}" is negative; amounts must be zero or more.` };
  }
  if (rest.startsWith('$')) rest = rest.slice(1);
  else if (rest.endsWith('$')) rest = rest.slice(0, -1);
  if (rest.startsWith('+')) rest = rest.slice(1);
  const dot = rest.indexOf('.');
  const whole = dot === -1 ? rest : rest.slice(0, dot);
  const fraction = dot === -1 ? '' : rest.slice(dot + 1);
  const notANumber = { ok: false as const, message: `"${typed}" is not an amount in dollars, e.g. 500 or 1,250.50.` };
  if (rest === '' || (whole === '' && fraction === '')) return notANumber;
  if (whole !== '' && !PLAIN.test(whole) && !GROUPED.test(whole)) {
    if (/^[\d,]+$/.test(whole)) {
      return {
        ok: false,
        message: `"${typed}" has misplaced thousands separators; write 1,250.50 or 1250.50 (a dot before the cents).`,
      };
    }
    return notANumber;
  }
  if (fraction !== '' && !PLAIN.test(fraction)) return notANumber;
  if (fraction.length > 2) {
    return { ok: false, message: `"${typed}" has more than two decimals; amounts are in whole cents, e.g. 12.34.` };
  }
  const cents = Number(whole.replace(/,/g, '') || '0') * 100 + Number(fraction.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(cents)) return { ok: false, message: `"${typed}" is too large an amount.` };
  return { ok: true, cents };
}

/** Integer cents as dollars: `125050` → `$1,250.50`, `-500` → `-$5.00`. */
export function formatCents(cents: number): string {
  return usd.format(cents / 100);
}

/**
 * A cost in dollars (a float, as `/organization/costs` reports it) rounded to the cent: `1250.5` → `$1,250.50`.
 * A cost above zero but under half a cent shows as `<$0.01`, so tiny spend is not mistaken for none.
 */
export function formatDollars(dollars: number): string {
  if (dollars > 0 && dollars < 0.005) return '<$0.01';
  const rounded = Math.round(dollars * 100) / 100;
  return usd.format(Object.is(rounded, -0) ? 0 : rounded);
}
