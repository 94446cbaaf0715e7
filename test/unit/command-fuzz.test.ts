import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseCommandText } from '../../src/domain/command-text.js';
import { bindInput } from '../../src/domain/operations/bind.js';
import { operations } from '../../src/domain/operations/index.js';
import { commandPhrases, matchOperation } from '../../src/domain/operations/match.js';
import { closestMatch } from '../../src/domain/suggest.js';
import { AppError } from '../../src/errors.js';

// Cheap generators: generating 100,000 inputs must cost less than reading them.
const id = (prefix: string) => fc.nat({ max: 2 ** 40 }).map((n) => `${prefix}${n.toString(36).toUpperCase()}`);
const label = fc.constantFrom('ann', 'Bob Smith', "o'neil", 'R&amp;D', 'a&lt;b&gt;', '“x”', '|', '', '@ops', 'é😀');
const email = fc.constantFrom(
  'a@b.co',
  'Ann.Lee+x@Example.com',
  'x@y-z.example.org',
  'bad@',
  '@x.com',
  'a@b',
  'a@@b.co',
);

/** One piece of text as Slack sends it after a slash command. */
const piece = fc.oneof(
  id('U').map((u) => `<@${u}>`),
  fc.tuple(id('U'), label).map(([u, name]) => `<@${u}|${name}>`),
  id('C').map((c) => `<#${c}>`),
  fc.tuple(id('C'), label).map(([c, name]) => `<#${c}|${name}>`),
  fc.tuple(id('S'), label).map(([s, name]) => `<!subteam^${s}|@${name}>`),
  email.map((e) => `<mailto:${e}|${e}>`),
  email.map((e) => `<mailto:${e}>`),
  email,
  fc.constantFrom('<!channel>', '<!here>', '<!everyone>', '<https://x.example/?a=1&amp;b=2|x>', '<http://y>'),
  fc.constantFrom('&amp;', '&lt;', '&gt;', '&amp', '&;', '&'),
  fc.constantFrom('"', "'", '\u201c', '\u201d', '\u201e', '\u2018', '\u2019', '\u201a'),
  fc.integer({ min: 1, max: 40 }).chain((n) => fc.constantFrom('"'.repeat(n), '\u201c'.repeat(n), "'".repeat(n))),
  fc.constantFrom('--', '\u2014', '\u2013', '--reason', '--project=', '--for', '=', '--x=“a b”', '—project'),
  fc.constantFrom('<', '>', '|', '<@', '<#', '<!', '<<', '>>', '<>', '<|>'),
  fc.constantFrom(' ', '  ', '\t', '\n', '\u200b', '\u00a0'),
  fc.constantFrom(...commandPhrases(operations).flatMap((phrase) => phrase.split(' '))),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 3 }),
);

const commandText = fc.array(piece, { maxLength: 16 }).map((pieces) => pieces.join(''));

/** The parser's catch-all answer: it means the parser threw, which no input may cause. */
const CRASHED = 'Could not read the command text';

describe('fuzzing the command parser and matcher with Slack’s entity syntax', () => {
  it('reads 100,000 generated commands without an exception, and every word comes from the text', () => {
    const phrases = commandPhrases(operations);
    fc.assert(
      fc.property(commandText, (text) => {
        const parsed = parseCommandText(text);
        // Plain checks rather than expect(): they run 100,000 times.
        if (!parsed.ok) {
          if (parsed.error === CRASHED) throw new Error('the parser threw');
          return;
        }
        const { words, flags } = parsed.value;
        for (const token of [...words, ...[...flags.values()].flat()]) {
          if (!text.includes(token.raw)) throw new Error(`"${token.raw}" is not in the text`);
        }
        const match = matchOperation(operations, words);
        if (!match) {
          closestMatch(
            words
              .slice(0, 2)
              .map((w) => w.raw)
              .join(' '),
            phrases,
          );
          return;
        }
        try {
          bindInput(match.operation, words.slice(match.consumed), flags);
        } catch (error) {
          // Bad input is answered with a typed, user-facing error; anything else is a defect.
          if (!(error instanceof AppError)) throw error;
        }
      }),
      { numRuns: 100_000 },
    );
  });
});
