import { parseCommandText } from '../src/domain/command-text.js';
import { operations } from '../src/domain/operations/index.js';
import { commandPhrases, matchOperation } from '../src/domain/operations/match.js';
import { closestMatch } from '../src/domain/suggest.js';
import { printTable } from './stats.js';

/** Inputs a hostile member could type, each as a function of its length in characters. */
const SHAPES: [string, (chars: number) => string][] = [
  ['one unknown word', (n) => 'x'.repeat(n)],
  ['straight quotes', (n) => '"'.repeat(n)],
  ['smart quotes after a command', (n) => `projects archive ${'\u201c'.repeat(n - 17)}`],
  ['quote, then = and quotes', (n) => `"a"${'="'.repeat((n - 3) / 2)}`],
  ['escaped ampersands', (n) => '&amp;'.repeat(n / 5)],
  ['mentions and channels', (n) => '<@U0123ABCD|ann> <#C0123ABCD> '.repeat(n / 32)],
  ['one long mention label', (n) => `<@U1|${'a'.repeat(n - 6)}>`],
  ['emails in mailto form', (n) => '<mailto:a@b.co|a@b.co> '.repeat(n / 24)],
  ['flags with quoted values', (n) => '--reason="a b" '.repeat(n / 15)],
];

const SIZES = [1_000, 10_000, 100_000];
const phrases = commandPhrases(operations);

/** Everything a command's text goes through before authorisation: parse, match, and the unknown-command hint. */
function readCommand(text: string): void {
  const parsed = parseCommandText(text);
  if (!parsed.ok) return;
  const words = parsed.value.words;
  if (!matchOperation(operations, words))
    closestMatch(
      words
        .slice(0, 2)
        .map((w) => w.raw)
        .join(' '),
      phrases,
    );
}

/** Nanoseconds per character of one timed batch of reads of `text` (enough repetitions for ~200k characters). */
function sample(text: string): number {
  const reps = Math.max(3, Math.ceil(200_000 / text.length));
  const started = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) readCommand(text);
  return Number(process.hrtime.bigint() - started) / reps / text.length;
}

/**
 * Best of `rounds` batches per size, the sizes taking turns in every round so that interference from other work on
 * the machine falls on all of them; the best batch is the one least disturbed.
 */
function nsPerChar(make: (chars: number) => string, rounds = 9): number[] {
  const texts = SIZES.map(make);
  const best = SIZES.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < rounds; round++) {
    texts.forEach((text, i) => {
      best[i] = Math.min(best[i] as number, sample(text));
    });
  }
  return best;
}

/**
 * Time to read a command per character at 1k, 10k and 100k characters, for each hostile shape. Linear work keeps
 * ns/char flat; the target is each tenfold step costing at most twice as much per character.
 */
export function benchParseScaling(maxStepRatio = 2): boolean {
  for (const [, make] of SHAPES) for (let i = 0; i < 3; i++) readCommand(make(10_000));
  const rows: (string | number)[][] = [];
  let ok = true;
  for (const [name, make] of SHAPES) {
    const perChar = nsPerChar(make);
    const [small, medium, large] = perChar as [number, number, number];
    const steps = [medium / small, large / medium];
    const pass = steps.every((step) => step <= maxStepRatio);
    ok &&= pass;
    rows.push([
      name,
      small.toFixed(1),
      medium.toFixed(1),
      large.toFixed(1),
      steps[0]?.toFixed(2) ?? '',
      steps[1]?.toFixed(2) ?? '',
      pass ? 'ok' : 'MISS',
    ]);
  }
  console.log('\nReading command text (parse, match, unknown-command hint): ns per character');
  printTable(['input', '1k', '10k', '100k', '10k/1k', '100k/10k', 'target'], rows);
  return ok;
}
