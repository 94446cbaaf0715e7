import { formatDollars } from '../money.js';
import { bytesText, countText, plural, quantityText, secondsText } from './figure-text.js';
import {
  API_KEY,
  BATCH,
  BY_CALLER,
  CONTEXT_LEVEL,
  IMAGE_SIZE,
  IMAGE_SOURCE,
  LINE_ITEM,
  PROJECT,
  SERVICE_TIER,
  USER,
  VECTOR_STORE,
} from './groupings.js';
import { defineReportKind, type ReportKind } from './report-kind.js';

const costs = defineReportKind({
  type: 'costs',
  endpoint: 'costs',
  title: 'Costs',
  what: 'costs',
  groupings: { project: PROJECT, 'line-item': LINE_ITEM, 'api-key': API_KEY },
  figures: [
    { key: 'dollars', read: (r) => r.amount?.value },
    { key: 'quantity', read: (r) => r.quantity, perRow: true },
  ],
  rank: (f) => f.dollars,
  order: 'largest first',
  facts: (f, share) => [
    formatDollars(f.dollars),
    `${share} of the total`,
    ...(f.quantity ? [`quantity ${quantityText(f.quantity)}`] : []),
  ],
  headline: (f) => formatDollars(f.dollars),
  todayNote: "Today's costs are still coming in.",
});

const completions = defineReportKind({
  type: 'completions',
  endpoint: 'completions',
  title: 'Completions usage',
  what: 'completions usage',
  groupings: { ...BY_CALLER, batch: BATCH, 'service-tier': SERVICE_TIER },
  figures: [
    { key: 'input', read: (r) => r.input_tokens },
    { key: 'cached', read: (r) => r.input_cached_tokens },
    { key: 'output', read: (r) => r.output_tokens },
    { key: 'requests', read: (r) => r.num_model_requests },
  ],
  rank: (f) => f.input + f.output,
  order: 'most tokens first',
  facts: (f, share) => [
    `${countText(f.input)} input tokens (${countText(f.cached)} cached)`,
    `${countText(f.output)} output tokens`,
    plural(f.requests, 'request'),
    `${share} of tokens`,
  ],
  headline: (f) => `${plural(f.input + f.output, 'token')} in ${plural(f.requests, 'request')}`,
});

/** Embeddings and moderations: input tokens in requests. */
const inputTokens = (type: 'embeddings' | 'moderations', title: string) =>
  defineReportKind({
    type,
    endpoint: type,
    title: `${title} usage`,
    what: `${type} usage`,
    groupings: BY_CALLER,
    figures: [
      { key: 'tokens', read: (r) => r.input_tokens },
      { key: 'requests', read: (r) => r.num_model_requests },
    ],
    rank: (f) => f.tokens,
    order: 'most tokens first',
    facts: (f, share) => [`${countText(f.tokens)} input tokens`, plural(f.requests, 'request'), `${share} of tokens`],
    headline: (f) => `${plural(f.tokens, 'token')} in ${plural(f.requests, 'request')}`,
  });

const images = defineReportKind({
  type: 'images',
  endpoint: 'images',
  title: 'Image usage',
  what: 'image usage',
  groupings: { ...BY_CALLER, size: IMAGE_SIZE, source: IMAGE_SOURCE },
  figures: [
    { key: 'images', read: (r) => r.images },
    { key: 'requests', read: (r) => r.num_model_requests },
  ],
  rank: (f) => f.images,
  order: 'most images first',
  facts: (f, share) => [plural(f.images, 'image'), plural(f.requests, 'request'), `${share} of images`],
  headline: (f) => `${plural(f.images, 'image')} in ${plural(f.requests, 'request')}`,
});

const audioSpeeches = defineReportKind({
  type: 'audio-speeches',
  endpoint: 'audio_speeches',
  title: 'Text-to-speech usage',
  what: 'text-to-speech usage',
  groupings: BY_CALLER,
  figures: [
    { key: 'characters', read: (r) => r.characters },
    { key: 'requests', read: (r) => r.num_model_requests },
  ],
  rank: (f) => f.characters,
  order: 'most characters first',
  facts: (f, share) => [plural(f.characters, 'character'), plural(f.requests, 'request'), `${share} of characters`],
  headline: (f) => `${plural(f.characters, 'character')} spoken in ${plural(f.requests, 'request')}`,
});

const audioTranscriptions = defineReportKind({
  type: 'audio-transcriptions',
  endpoint: 'audio_transcriptions',
  title: 'Transcription usage',
  what: 'transcription usage',
  groupings: BY_CALLER,
  figures: [
    { key: 'seconds', read: (r) => r.seconds },
    { key: 'requests', read: (r) => r.num_model_requests },
  ],
  rank: (f) => f.seconds,
  order: 'most audio first',
  facts: (f, share) => [`${secondsText(f.seconds)} of audio`, plural(f.requests, 'request'), `${share} of audio`],
  headline: (f) => `${secondsText(f.seconds)} of audio in ${plural(f.requests, 'request')}`,
});

const vectorStores = defineReportKind({
  type: 'vector-stores',
  endpoint: 'vector_stores',
  title: 'Vector store storage',
  what: 'vector store storage',
  groupings: { project: PROJECT },
  figures: [
    { key: 'latest', read: (r) => r.usage_bytes, over: 'latest' },
    { key: 'peak', read: (r) => r.usage_bytes, over: 'peak' },
  ],
  rank: (f) => f.latest,
  order: 'most storage on the latest day first',
  facts: (f, share) => [`${bytesText(f.latest)} on the latest day`, `peak ${bytesText(f.peak)}`, `${share} of storage`],
  headline: (f) => `${bytesText(f.latest)} stored on the latest day, peak ${bytesText(f.peak)}`,
});

const codeInterpreter = defineReportKind({
  type: 'code-interpreter',
  endpoint: 'code_interpreter_sessions',
  title: 'Code interpreter usage',
  what: 'code interpreter usage',
  groupings: { project: PROJECT },
  figures: [{ key: 'sessions', read: (r) => r.num_sessions }],
  rank: (f) => f.sessions,
  order: 'most sessions first',
  facts: (f, share) => [plural(f.sessions, 'session'), `${share} of sessions`],
  headline: (f) => plural(f.sessions, 'session'),
});

const fileSearch = defineReportKind({
  type: 'file-search',
  endpoint: 'file_search_calls',
  title: 'File search usage',
  what: 'file search usage',
  groupings: { project: PROJECT, 'api-key': API_KEY, user: USER, 'vector-store': VECTOR_STORE },
  figures: [{ key: 'calls', read: (r) => r.num_requests }],
  rank: (f) => f.calls,
  order: 'most calls first',
  facts: (f, share) => [plural(f.calls, 'call'), `${share} of calls`],
  headline: (f) => plural(f.calls, 'file search call'),
});

const webSearch = defineReportKind({
  type: 'web-search',
  endpoint: 'web_search_calls',
  title: 'Web search usage',
  what: 'web search usage',
  groupings: { ...BY_CALLER, 'context-level': CONTEXT_LEVEL },
  figures: [
    { key: 'calls', read: (r) => r.num_requests },
    { key: 'requests', read: (r) => r.num_model_requests },
  ],
  rank: (f) => f.calls,
  order: 'most calls first',
  facts: (f, share) => [plural(f.calls, 'call'), `in ${plural(f.requests, 'model request')}`, `${share} of calls`],
  headline: (f) => `${plural(f.calls, 'web search call')} in ${plural(f.requests, 'model request')}`,
});

/** Spend in dollars, `/openai costs`. */
export const COST_KINDS: readonly ReportKind[] = [costs];

/** Every kind of usage `/openai usage --type` reports, completions (the default) first. */
export const USAGE_KINDS: readonly ReportKind[] = [
  completions,
  inputTokens('embeddings', 'Embeddings'),
  images,
  inputTokens('moderations', 'Moderations'),
  audioSpeeches,
  audioTranscriptions,
  vectorStores,
  codeInterpreter,
  fileSearch,
  webSearch,
];
