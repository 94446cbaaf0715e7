import type { Token } from '../command-text.js';
import type { AnyOperation } from './operation.js';

export interface Match {
  operation: AnyOperation;
  /** How many leading tokens were command words. */
  consumed: number;
}

const sequences = (operation: AnyOperation) => [operation.words, ...(operation.aliases ?? [])];

/** Command words as a tree: each node is one more word, and names the operation those words select, if any. */
interface WordNode {
  readonly next: Map<string, WordNode>;
  operation?: AnyOperation;
}

/** One tree per registry, built on first use: matching then costs a lookup per word typed, whatever the registry. */
const trees = new WeakMap<readonly AnyOperation[], WordNode>();

function treeOf(operations: readonly AnyOperation[]): WordNode {
  let root = trees.get(operations);
  if (root) return root;
  root = { next: new Map() };
  for (const operation of operations) {
    for (const words of sequences(operation)) {
      let node = root;
      for (const word of words) {
        let child = node.next.get(word);
        if (!child) {
          child = { next: new Map() };
          node.next.set(word, child);
        }
        node = child;
      }
      // The first operation registered for the same words keeps them.
      node.operation ??= operation;
    }
  }
  trees.set(operations, root);
  return root;
}

/** The operation whose command words (or alias) start the text, preferring the longest match. */
export function matchOperation(operations: readonly AnyOperation[], tokens: readonly Token[]): Match | undefined {
  let node = treeOf(operations);
  let best: Match | undefined;
  for (const [index, token] of tokens.entries()) {
    // Each word is lower-cased only while it can still extend a match: a word may be 40,000 characters long.
    const next = token.kind === 'word' ? node.next.get(token.value.toLowerCase()) : undefined;
    if (!next) break;
    node = next;
    if (node.operation) best = { operation: node.operation, consumed: index + 1 };
  }
  return best;
}

/** Every command phrase, e.g. `invite`, `users list`, for suggestions and help. */
export function commandPhrases(operations: readonly AnyOperation[]): string[] {
  return operations.flatMap((operation) => sequences(operation).map((words) => words.join(' ')));
}
