import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, formatDollars, parseDollars } from '../../src/domain/money.js';

const cents = (text: string) => {
  const parsed = parseDollars(text);
  if (!parsed.ok) throw new Error(`expected an amount, got: ${parsed.message}`);
  return parsed.cents;
};
const refusal = (text: string) => {
  const parsed = parseDollars(text);
  if (parsed.ok) throw new Error(`expected a refusal, got ${parsed.cents} cents`);
  return parsed.message;
};

describe('parseDollars', () => {
  it.each([
    ['$500', 50_000],
    ['500', 50_000],
    ['500.00', 50_000],
    ['1,250.50', 125_050],
    ['$1,250.5', 125_050],
    ['1250.5', 125_050],
    ['0.07', 7],
    ['.5', 50],
    ['0', 0],
    ['500$', 50_000],
    [' $ 12 ', 1_200],
    ['1,000,000', 100_000_000],
  ])('reads %s as %i cents', (text, expected) => {
    expect(cents(text)).toBe(expected);
  });

  it.each([
    ['-5', 'negative'],
    ['-$5', 'negative'],
    ['$-5', 'negative'],
    ['abc', 'is not an amount in dollars'],
    ['$', 'is not an amount in dollars'],
    ['.', 'is not an amount in dollars'],
    ['5e3', 'is not an amount in dollars'],
    ['1.2.3', 'is not an amount in dollars'],
    ['0x10', 'is not an amount in dollars'],
    ['12.345', 'more than two decimals'],
    ['12,50', 'misplaced thousands separators'],
    ['1,2345', 'misplaced thousands separators'],
    ['99999999999999999999', 'too large'],
  ])('refuses %s saying what is wrong', (text, words) => {
    expect(refusal(text)).toContain(words);
    expect(refusal(text)).toContain(`"${text}"`);
  });

  it('reads back every amount formatCents writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (amount) => {
        expect(cents(formatCents(amount))).toBe(amount);
      }),
    );
  });
});

describe('formatCents and formatDollars', () => {
  it('shows cents as dollars with thousands separators and two decimals', () => {
    expect(formatCents(125_050)).toBe('$1,250.50');
    expect(formatCents(0)).toBe('$0.00');
    expect(formatCents(7)).toBe('$0.07');
    expect(formatCents(100_000_000)).toBe('$1,000,000.00');
  });

  it('rounds dollar costs to the cent and never hides tiny spend', () => {
    expect(formatDollars(1250.5)).toBe('$1,250.50');
    expect(formatDollars(0.125)).toBe('$0.13');
    expect(formatDollars(0.0001)).toBe('<$0.01');
    expect(formatDollars(0)).toBe('$0.00');
    expect(formatDollars(-0.001)).toBe('$0.00');
    expect(formatDollars(-12.5)).toBe('-$12.50');
  });
});
