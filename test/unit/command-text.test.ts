import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex } from '../../src/domain/command-lexer.js';
import { type CommandText, escapeMrkdwn, parseCommandText, type Token } from '../../src/domain/command-text.js';

function parse(text: string): CommandText {
  const result = parseCommandText(text);
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value;
}
const only = (text: string): Token => {
  const { words } = parse(text);
  expect(words).toHaveLength(1);
  return words[0]!;
};
const values = (tokens: readonly Token[] | undefined): string[] | undefined => tokens?.map((t) => t.value);
const flagValues = (text: string, name: string) => values(parse(text).flags.get(name));

describe('parseCommandText: Slack tokens', () => {
  it.each([
    ['<mailto:Ann@Example.com|Ann@Example.com>', { kind: 'email', value: 'ann@example.com', label: 'Ann@Example.com' }],
    ['<mailto:Ann@Example.com>', { kind: 'email', value: 'ann@example.com' }],
    ['Ann@Example.com', { kind: 'email', value: 'ann@example.com' }],
    ['<@U024BE7LH>', { kind: 'user', value: 'U024BE7LH' }],
    ['<@U024BE7LH|bob>', { kind: 'user', value: 'U024BE7LH', label: 'bob' }],
    ['<#C024BE7LR|general>', { kind: 'channel', value: 'C024BE7LR', label: 'general' }],
    ['<#C024BE7LR>', { kind: 'channel', value: 'C024BE7LR' }],
    ['<!subteam^S123|@ops>', { kind: 'usergroup', value: 'S123', label: '@ops' }],
    ['<!here>', { kind: 'broadcast', value: 'here' }],
    ['<!channel>', { kind: 'broadcast', value: 'channel' }],
    ['<!everyone>', { kind: 'broadcast', value: 'everyone' }],
    ['<https://x.y>', { kind: 'url', value: 'https://x.y' }],
    ['<https://x.y|x.y>', { kind: 'url', value: 'https://x.y', label: 'x.y' }],
    ['<https://x.y/?a=1&amp;b=2>', { kind: 'url', value: 'https://x.y/?a=1&b=2' }],
  ])('reads %s as the right kind, value and label', (text, expected) => {
    expect(only(text)).toEqual({ ...expected, raw: text });
  });

  it('keeps the exact raw text of every token', () => {
    const { words, flags } = parse('  <@U1|bob>\tR&amp;D --to=<mailto:a@b.co|a@b.co>');
    expect(words.map((w) => w.raw)).toEqual(['<@U1|bob>', 'R&amp;D']);
    expect(flags.get('to')?.[0]?.raw).toBe('<mailto:a@b.co|a@b.co>');
  });

  it('reads a quoted Slack token as that token', () => {
    expect(only('"<mailto:a@b.co|a@b.co>"')).toMatchObject({ kind: 'email', value: 'a@b.co' });
  });

  it('renders Slack tokens inside quoted text the way the user typed them', () => {
    expect(only('"ping <@U1|bob> in <#C1|ops> via <https://x.y|x.y>"').value).toBe('ping @bob in #ops via x.y');
  });

  it('treats words that are not email addresses as words', () => {
    expect(only('not@an-email').kind).toBe('word');
    expect(only('@bob').kind).toBe('word');
  });
});

describe('parseCommandText: entities and escaping', () => {
  it('decodes &amp; &lt; &gt; in words and labels', () => {
    expect(only('R&amp;D&lt;1&gt;').value).toBe('R&D<1>');
    expect(only('<#C1|a&amp;b>').label).toBe('a&b');
  });

  it('decodes entities only once', () => {
    expect(only('&amp;lt;').value).toBe('&lt;');
    expect(only('&amp;amp;').value).toBe('&amp;');
  });

  it('never turns a decoded &lt; into a Slack token', () => {
    expect(only('&lt;@U1&gt;')).toEqual({ kind: 'word', value: '<@U1>', raw: '&lt;@U1&gt;' });
  });

  it('escapeMrkdwn escapes only &, < and >', () => {
    expect(escapeMrkdwn('<!channel> & "x" *y*')).toBe('&lt;!channel&gt; &amp; "x" *y*');
  });
});

describe('parseCommandText: words, quotes and separators', () => {
  it('returns no words and no flags for empty or blank text', () => {
    for (const text of ['', '   ', '\n\t\u00a0']) expect(parse(text)).toEqual({ words: [], flags: new Map() });
  });

  it('splits on non-breaking spaces, tabs and newlines', () => {
    expect(values(parse('a\u00a0b\tc\nd\r\ne').words)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it.each([
    ['"two words"', 'two words'],
    ['\u201csmart quotes\u201d', 'smart quotes'],
    ["'single'", 'single'],
    ['\u2018curly single\u2019', 'curly single'],
    ['""', ''],
  ])('reads %s as one word', (text, expected) => {
    expect(only(text)).toMatchObject({ kind: 'word', value: expected, raw: text });
  });

  it('keeps apostrophes inside words', () => {
    expect(values(parse("don't stop").words)).toEqual(["don't", 'stop']);
  });

  it('reads a word of many quoted parts as one word, held as one piece however many parts it has', () => {
    const text = `"a"${'="b c"'.repeat(2_000)}`;
    expect(only(text)).toMatchObject({ kind: 'word', value: `a${'=b c'.repeat(2_000)}`, raw: text });
    const lexed = lex(text);
    expect(lexed.ok && lexed.tokens.map((token) => token.pieces.length)).toEqual([1]);
    expect(only('""--')).toMatchObject({ kind: 'word', value: '--' });
    expect(parse('""--flag x').flags.size).toBe(0);
  });
});

describe('parseCommandText: flags', () => {
  it('reads --flag value and --flag=value', () => {
    const { words, flags } = parse('projects create --name Alpha --Budget=100');
    expect(values(words)).toEqual(['projects', 'create']);
    expect(values(flags.get('name'))).toEqual(['Alpha']);
    expect(values(flags.get('budget'))).toEqual(['100']);
  });

  it('reads quoted flag values', () => {
    expect(flagValues('--name="quoted value"', 'name')).toEqual(['quoted value']);
    expect(flagValues('--name \u201cmy project\u201d', 'name')).toEqual(['my project']);
    expect(flagValues('--name=', 'name')).toEqual(['']);
  });

  it('keeps every value of a repeated flag in order', () => {
    expect(flagValues('--to a@b.co --to=<mailto:C@d.co> --TO <@U1>', 'to')).toEqual(['a@b.co', 'c@d.co', 'U1']);
  });

  it('gives a flag followed by another flag or the end an empty list', () => {
    const { flags } = parse('--force --dry-run --name x --yes');
    expect(flags.get('force')).toEqual([]);
    expect(flags.get('dry-run')).toEqual([]);
    expect(flags.get('yes')).toEqual([]);
  });

  it('accepts an em dash or en dash in place of --', () => {
    expect(flagValues('\u2014role owner', 'role')).toEqual(['owner']);
    expect(flagValues('\u2013role=reader', 'role')).toEqual(['reader']);
  });

  it('treats everything after a lone -- as words', () => {
    const { words, flags } = parse('--a 1 -- --b 2 --');
    expect(values(words)).toEqual(['--b', '2', '--']);
    expect([...flags.keys()]).toEqual(['a']);
    expect(values(parse('x \u2014 --y').words)).toEqual(['x', '--y']);
  });

  it('does not read a quoted --word as a flag or a flag value', () => {
    const { words, flags } = parse('--note "--not-a-flag" "--x"');
    expect(values(flags.get('note'))).toEqual(['--not-a-flag']);
    expect(values(words)).toEqual(['--x']);
  });

  it('keeps words that follow a flag value', () => {
    expect(values(parse('--a 1 rest').words)).toEqual(['rest']);
  });
});

describe('parseCommandText: errors', () => {
  it.each([
    ['invite "two words', /unterminated quote/i, '"two words'],
    ['--name=\u201cunfinished', /unterminated quote/i, '\u201cunfinished'],
    ["'abc", /unterminated quote/i, "'abc"],
    ['invite <mailto:a@b.co|a@b.co', /unclosed `<`/i, '<mailto:a@b.co|a@b.co'],
    ['<@U1 <@U2>', /unclosed `<`/i, '<@U1'],
    ['"<#C1 x"', /unclosed `<`/i, '<#C1'],
  ])('rejects %s with a message naming the problem and quoting it', (text, problem, part) => {
    const result = parseCommandText(text);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(problem) });
    expect(result.ok || result.error).toContain(part);
  });

  it('does not throw for input that is not a string', () => {
    expect(parseCommandText(undefined as unknown as string)).toEqual({
      ok: true,
      value: { words: [], flags: new Map() },
    });
  });
});

describe('parseCommandText: properties', () => {
  const special = fc.constantFrom('<', '>', '|', '"', "'", '\u201c', '\u201d', '--', '\u2014', '=', '&amp;', ' ', '@');
  const messy = fc
    .array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), special))
    .map((p) => p.join(''));

  it('always returns a result and never throws', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const result = parseCommandText(text);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  const simple = fc.stringMatching(/^[a-z0-9][a-z0-9._]{0,10}$/);
  const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
  const value = fc.oneof(
    simple,
    fc.array(simple, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  );
  const flag = fc.tuple(name, fc.option(value, { nil: undefined }), fc.constantFrom('space', 'equals'));

  it('round-trips generated words and flags', () => {
    fc.assert(
      fc.property(fc.array(simple), fc.array(flag), (words, flagList) => {
        const rendered = flagList.map(([n, v, style]) => {
          if (v === undefined) return `--${n}`;
          const quoted = v.includes(' ') ? `"${v}"` : v;
          return style === 'equals' ? `--${n}=${quoted}` : `--${n} ${quoted}`;
        });
        const parsed = parse([...words, ...rendered].join(' '));
        expect(values(parsed.words)).toEqual(words);
        const expected = new Map<string, string[]>();
        for (const [n, v] of flagList) expected.set(n, [...(expected.get(n) ?? []), ...(v === undefined ? [] : [v])]);
        expect(new Map([...parsed.flags].map(([k, t]) => [k, values(t)]))).toEqual(expected);
      }),
    );
  });

  const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,6}[a-z0-9])?$/);
  const address = fc
    .tuple(fc.stringMatching(/^[a-zA-Z0-9][\w.+-]{0,15}$/), fc.array(label, { minLength: 1, maxLength: 3 }))
    .map(([local, labels]) => `${local}@${labels.join('.')}.com`);

  it('reads an email address the same way in all three Slack forms', () => {
    fc.assert(
      fc.property(address, fc.boolean(), (address, upper) => {
        const typed = upper ? address.toUpperCase() : address;
        for (const text of [`<mailto:${typed}|${typed}>`, `<mailto:${typed}>`, typed]) {
          expect(only(text)).toMatchObject({ kind: 'email', value: address.toLowerCase() });
        }
      }),
    );
  });

  it('decodes a single encoding exactly, leaving no &amp; behind', () => {
    const part = fc.constantFrom('&', '<', '>', ';', 'a', 'm', 'p', 'l', 't', 'g', '#', 'amp;', 'lt;', '&amp;');
    const text = fc.array(part, { minLength: 1 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (original) => {
        const decoded = only(escapeMrkdwn(original)).value;
        expect(decoded).toBe(original);
        if (!original.includes('&amp;')) expect(decoded).not.toContain('&amp;');
      }),
    );
  });
});
