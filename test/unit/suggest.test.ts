import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../src/domain/suggest.js';

const resources = ['invites', 'projects', 'users', 'keys', 'spend', 'approvals'];

describe('closestMatch', () => {
  it('returns an exact match regardless of case', () => {
    expect(closestMatch('PROJECTS', resources)).toBe('projects');
  });

  it('returns the original spelling of the candidate', () => {
    expect(closestMatch('api-keys', ['API-Keys'])).toBe('API-Keys');
  });

  it('completes a unique prefix', () => {
    expect(closestMatch('inv', resources)).toBe('invites');
    expect(closestMatch('appr', resources)).toBe('approvals');
  });

  it('does not complete a prefix shared by several candidates unless one is also close', () => {
    expect(closestMatch('list', ['list-projects', 'list-users'])).toBeUndefined();
  });

  it('corrects a substitution, an insertion and a deletion', () => {
    expect(closestMatch('projecst', resources)).toBe('projects');
    expect(closestMatch('userss', resources)).toBe('users');
    expect(closestMatch('invtes', resources)).toBe('invites');
  });

  it('counts a transposition of adjacent letters as one edit', () => {
    expect(closestMatch('kyes', ['keys'])).toBe('keys');
    expect(closestMatch('abcdef', ['bacdfe', 'zzzzzz'])).toBe('bacdfe');
  });

  it('allows up to a third of the length in edits for long words', () => {
    expect(closestMatch('orgnaisatoin', ['organization'])).toBe('organization');
    expect(closestMatch('xxxxxxxxxxxx', ['organization'])).toBeUndefined();
  });

  it('returns undefined when nothing is reasonably close', () => {
    expect(closestMatch('banana', resources)).toBeUndefined();
    expect(closestMatch('zz', ['ab'])).toBeUndefined();
  });

  it('returns undefined for empty input or no candidates', () => {
    expect(closestMatch('', resources)).toBeUndefined();
    expect(closestMatch('   ', resources)).toBeUndefined();
    expect(closestMatch('users', [])).toBeUndefined();
  });

  it('breaks ties in favour of the first candidate', () => {
    expect(closestMatch('cat', ['bat', 'hat'])).toBe('bat');
    expect(closestMatch('cat', ['hat', 'bat'])).toBe('hat');
  });

  it('prefers the closest candidate over an earlier, farther one', () => {
    expect(closestMatch('sepnd', ['speed', 'spend'])).toBe('spend');
  });

  it('never throws and only returns one of the candidates', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string()), (input, candidates) => {
        const result = closestMatch(input, candidates);
        expect(result === undefined || candidates.includes(result)).toBe(true);
      }),
    );
  });

  it('finds every candidate from itself and from a one-letter typo', () => {
    const word = fc.stringMatching(/^[a-z]{4,12}$/);
    fc.assert(
      fc.property(word, fc.nat(), fc.constantFrom('x', 'q'), (candidate, at, letter) => {
        const i = at % candidate.length;
        const typo = candidate.slice(0, i) + letter + candidate.slice(i + 1);
        expect(closestMatch(candidate.toUpperCase(), [candidate])).toBe(candidate);
        expect(closestMatch(typo, [candidate])).toBe(candidate);
      }),
    );
  });
});
