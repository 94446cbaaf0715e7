import type { Token } from '../command-text.js';
import type { AnyOperation } from './operation.js';

export interface Match {
  operation: AnyOperation;
  /** How many leading tokens were command words. */
  consumed: number;
}

const sequences = (operation: AnyOperation) => [operation.words, ...(operation.aliases ?? [])];

/** The operation whose command words (or alias) start the text, preferring the longest match. */
export function matchOperation(operations: readonly AnyOperation[], tokens: readonly Token[]): Match | undefined {
  // Each leading word is lower-cased once, not once per operation: a word may be 40,000 characters long.
  const longest = Math.max(0, ...operations.flatMap((operation) => sequences(operation).map((words) => words.length)));
  const lowered = tokens
    .slice(0, longest)
    .map((token) => (token.kind === 'word' ? token.value.toLowerCase() : undefined));
  let best: Match | undefined;
  for (const operation of operations) {
    for (const words of sequences(operation)) {
      const matches = words.every((word, i) => lowered[i] === word);
      if (matches && (!best || words.length > best.consumed)) best = { operation, consumed: words.length };
    }
  }
  return best;
}

/** Every command phrase, e.g. `invite`, `users list`, for suggestions and help. */
export function commandPhrases(operations: readonly AnyOperation[]): string[] {
  return operations.flatMap((operation) => sequences(operation).map((words) => words.join(' ')));
}
