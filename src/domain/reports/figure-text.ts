const whole = new Intl.NumberFormat('en-US');
const short = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A whole number with separators, e.g. `1,234`. */
export const countText = (n: number): string => whole.format(n);

const upToThousandths = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** A quantity in its own unit (a line item's tokens, images, hours…), e.g. `1,234.5`. */
export const quantityText = (n: number): string => upToThousandths.format(n);

/** Counts with their noun, e.g. `1 request`, `1,234 requests`, `3 more projects`. */
export const plural = (n: number, noun: string): string => `${whole.format(n)} ${noun}${n === 1 ? '' : 's'}`;

/** A share of a total in percent with one decimal, e.g. `42.1%`; tiny shares show as `<0.1%`. */
export function shareText(part: number, total: number): string {
  if (total <= 0) return 'n/a';
  const percent = (part / total) * 100;
  if (percent > 0 && percent < 0.05) return '<0.1%';
  return `${percent.toFixed(1)}%`;
}

const BYTE_UNITS = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** Stored bytes in decimal units, as storage is priced: `512 bytes`, `1.5 MB`, `2.25 GB`. */
export function bytesText(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? plural(bytes, 'byte') : `${short.format(value)} ${BYTE_UNITS[unit]}`;
}

/** Seconds, with hours and minutes once there are 60 or more: `45 seconds`, `3,725 seconds (1h 2m 5s)`. */
export function secondsText(seconds: number): string {
  const text = plural(seconds, 'second');
  if (seconds < 60) return text;
  const rounded = Math.round(seconds);
  const parts: [number, string][] = [
    [Math.floor(rounded / 3600), 'h'],
    [Math.floor((rounded % 3600) / 60), 'm'],
    [rounded % 60, 's'],
  ];
  const shown = parts.filter(([n]) => n > 0).map(([n, unit]) => `${countText(n)}${unit}`);
  return `${text} (${shown.join(' ')})`;
}
