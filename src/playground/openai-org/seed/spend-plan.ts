import { DEFAULT_PROJECT, LEGACY, RESEARCH, SEARCH, SUPPORT } from './project-plans.js';

/** List prices in dollars per million tokens. */
export const PRICES: Record<string, { input: number; cached: number; output: number }> = {
  'gpt-4o-2024-08-06': { input: 2.5, cached: 1.25, output: 10 },
  'gpt-4o-mini-2024-07-18': { input: 0.15, cached: 0.075, output: 0.6 },
  'o3-2025-04-16': { input: 2, cached: 0.5, output: 8 },
  'gpt-4.1-2025-04-14': { input: 2, cached: 0.5, output: 8 },
  'gpt-3.5-turbo-0125': { input: 0.5, cached: 0.5, output: 1.5 },
};

/** How a key's traffic to a model looks: output tokens per input token, share of input cached, and so on. */
interface Shape {
  output: number;
  cached: number;
  perRequest: number;
  batch?: boolean;
  /** Share of a weekday's spend on a Saturday or Sunday; default 0.35. */
  weekend?: number;
}

/** Model traffic of one key, spending about `dollars` on a weekday. */
export interface ModelStream extends Shape {
  project: string;
  key: string;
  model: string;
  dollars: number;
}

/** Billed usage that is not model tokens: about `dollars` on a weekday at `unitPrice` a unit. */
export interface OtherLine {
  project: string;
  key: string;
  lineItem: string;
  dollars: number;
  unitPrice: number;
  weekend?: number;
}

const stream = (project: string, key: string, model: string, dollars: number, shape: Shape): ModelStream => ({
  project,
  key,
  model,
  dollars,
  ...shape,
});

const line = (project: string, key: string, lineItem: string, dollars: number, unitPrice: number, weekend?: number) =>
  ({ project, key, lineItem, dollars, unitPrice, ...(weekend === undefined ? {} : { weekend }) }) satisfies OtherLine;

const GPT_4O = 'gpt-4o-2024-08-06';
const MINI = 'gpt-4o-mini-2024-07-18';

export const STREAMS: readonly ModelStream[] = [
  stream(SUPPORT, 'support-backend', GPT_4O, 34, { output: 0.3, cached: 0.35, perRequest: 2200, weekend: 0.6 }),
  stream(SUPPORT, 'support-backend', MINI, 6, { output: 0.4, cached: 0.2, perRequest: 900, weekend: 0.6 }),
  stream(SUPPORT, 'support-batch-jobs', MINI, 4, {
    output: 0.25,
    cached: 0,
    perRequest: 1500,
    batch: true,
    weekend: 1,
  }),
  stream(SUPPORT, 'support-staging', GPT_4O, 2.5, { output: 0.3, cached: 0.1, perRequest: 1800 }),
  stream(SUPPORT, 'katherine-dev', MINI, 0.4, { output: 0.5, cached: 0, perRequest: 700 }),
  stream(SEARCH, 'search-indexer', MINI, 5, { output: 0.15, cached: 0.4, perRequest: 3000, weekend: 0.8 }),
  stream(SEARCH, 'claude-cli', GPT_4O, 3, { output: 0.35, cached: 0.2, perRequest: 2500 }),
  stream(SEARCH, 'karen-eval', GPT_4O, 1.5, { output: 0.2, cached: 0, perRequest: 1200 }),
  stream(SEARCH, 'reindex-manual', MINI, 0.5, { output: 0.1, cached: 0, perRequest: 4000 }),
  stream(RESEARCH, 'eval-runner', 'o3-2025-04-16', 7, { output: 0.8, cached: 0.1, perRequest: 5000, weekend: 0.5 }),
  stream(RESEARCH, 'alan-jupyter', GPT_4O, 4, { output: 0.4, cached: 0.1, perRequest: 3000 }),
  stream(RESEARCH, 'joan-evals', 'gpt-4.1-2025-04-14', 2.5, { output: 0.3, cached: 0.2, perRequest: 2600 }),
  stream(DEFAULT_PROJECT, 'ada-laptop', MINI, 0.6, { output: 0.5, cached: 0, perRequest: 800 }),
  stream(LEGACY, 'legacy-prod', 'gpt-3.5-turbo-0125', 5, { output: 0.4, cached: 0, perRequest: 1100, weekend: 0.7 }),
  stream(LEGACY, 'legacy-webhook', 'gpt-3.5-turbo-0125', 3, { output: 0.3, cached: 0, perRequest: 900, weekend: 0.7 }),
];

export const OTHER_LINES: readonly OtherLine[] = [
  line(SUPPORT, 'support-backend', 'text-embedding-3-small', 0.8, 0.02 / 1e6),
  line(SUPPORT, 'support-backend', 'whisper-1', 3.2, 0.006),
  line(SEARCH, 'search-indexer', 'text-embedding-3-large', 4, 0.13 / 1e6),
  line(SEARCH, 'search-indexer', 'file search tool calls', 3, 0.0025),
  line(SEARCH, 'search-indexer', 'vector store storage', 1.2, 0.1, 1),
  line(RESEARCH, 'alan-jupyter', 'web search tool calls', 1.5, 0.025),
  line(RESEARCH, 'alan-jupyter', 'code interpreter sessions', 0.6, 0.03),
  line(DEFAULT_PROJECT, 'ada-laptop', 'dall-e-3', 1.6, 0.04, 0.2),
  line(DEFAULT_PROJECT, 'ada-laptop', 'tts-1', 0.5, 15 / 1e6),
];

/** Usage that is not billed (moderation): about `perDay` units on a weekday. */
export const FREE_USAGE: readonly { project: string; key: string; lineItem: string; perDay: number }[] = [
  { project: SUPPORT, key: 'support-backend', lineItem: 'omni-moderation-latest', perDay: 2_400_000 },
];

/** The key whose runaway evaluation job made its spend jump, and how many days ago (a top mover in digests). */
export const SPIKE = { key: 'eval-runner', daysAgo: 18, factor: 11 };
