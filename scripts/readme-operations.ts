// Rewrites the operations table in README.md from the operation registry: `npm run docs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { operationsTable } from '../src/domain/operations/catalog.js';
import { operations } from '../src/domain/operations/index.js';

const START = '<!-- operations:start -->';
const END = '<!-- operations:end -->';
const readme = readFileSync('README.md', 'utf8');
const before = readme.slice(0, readme.indexOf(START) + START.length);
const after = readme.slice(readme.indexOf(END));
writeFileSync('README.md', `${before}\n${operationsTable(operations)}\n${after}`);
