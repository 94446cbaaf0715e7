import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NewUsage, UsageKind } from '../helpers/fake-admin-api/index.js';
import type { SlackCall } from '../helpers/fake-slack.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

const NOW = Date.parse('2026-03-15T12:00:00Z');
const DAY = 86_400;
const SPAN = 'from 2026-02-14 to 2026-03-15 (30 days, UTC)';
/** A moment `n` days before now, inside the default range. */
const ago = (n: number) => NOW / 1000 - n * DAY;

const blockLines = (call: SlackCall): string[] =>
  ((call.body.blocks ?? []) as { text?: { text?: string }; elements?: { text?: string }[] }[])
    .flatMap((block) => [block.text?.text, ...(block.elements ?? []).map((e) => e.text)])
    .filter((text): text is string => typeof text === 'string')
    .flatMap((text) => text.split('\n'))
    .map((line) => line.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
const rows = (call: SlackCall) => blockLines(call).filter((line) => line.startsWith('• '));
const firstLine = (call: SlackCall) => blockLines(call)[0];

type Seed = [UsageKind, NewUsage];

const image = (time: number, model: string, size: string, source: string, images: number): Seed => [
  'images',
  { time, model, size, source, images, num_model_requests: 1 },
];
const IMAGES: Seed[] = [
  image(ago(1), 'gpt-image-1', '1024x1024', 'image.generation', 6),
  image(ago(1), 'gpt-image-1', '1024x1024', 'image.generation', 0),
  image(ago(2), 'gpt-image-1', '1024x1792', 'image.edit', 2),
  image(ago(2), 'dall-e-3', '1024x1024', 'image.edit', 2),
];

describe('/openai usage --type: every kind of usage through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ start: { now: () => new Date(NOW), digestTimer: false } });
  });
  afterAll(() => h.close());

  let ids: { alpha: string; beta: string; ada: string };
  beforeEach(() => {
    h.openai.reset();
    h.openai.state.now = NOW / 1000;
    ids = {
      alpha: h.openai.state.addProject({ name: 'Alpha' }).id,
      beta: h.openai.state.addProject({ name: 'Beta' }).id,
      ada: h.openai.state.addUser({ email: 'ada@example.com' }).id,
    };
  });
  const seed = (seeds: readonly Seed[]) => {
    for (const [kind, input] of seeds) h.openai.state.addUsage(kind, input);
  };
  const usageCalls = () => h.openai.requests.filter((r) => r.path.startsWith('/organization/usage/'));

  it.each<[string, Seed[], string, string[], string, string]>([
    [
      'usage --type embeddings',
      [
        ['embeddings', { time: ago(1), model: 'text-embedding-3-small', input_tokens: 1200, num_model_requests: 3 }],
        ['embeddings', { time: ago(2), model: 'text-embedding-3-small', input_tokens: 800, num_model_requests: 1 }],
        ['embeddings', { time: ago(3), model: 'text-embedding-3-large', input_tokens: 500, num_model_requests: 1 }],
        // Before the range: must not count.
        ['embeddings', { time: ago(31), model: 'text-embedding-3-large', input_tokens: 9_999, num_model_requests: 9 }],
      ],
      `Embeddings usage ${SPAN}: 2,500 tokens in 5 requests`,
      [
        '• *text-embedding-3-small*  ·  2,000 input tokens  ·  4 requests  ·  80.0% of tokens',
        '• *text-embedding-3-large*  ·  500 input tokens  ·  1 request  ·  20.0% of tokens',
      ],
      'embeddings',
      'model',
    ],
    [
      'usage --type moderations',
      [['moderations', { time: ago(4), model: 'omni-moderation-latest', input_tokens: 300, num_model_requests: 6 }]],
      `Moderations usage ${SPAN}: 300 tokens in 6 requests`,
      ['• *omni-moderation-latest*  ·  300 input tokens  ·  6 requests  ·  100.0% of tokens'],
      'moderations',
      'model',
    ],
    [
      'usage --type images --by size',
      IMAGES,
      `Image usage ${SPAN}: 10 images in 4 requests`,
      [
        '• *1024x1024*  ·  8 images  ·  3 requests  ·  80.0% of images',
        '• *1024x1792*  ·  2 images  ·  1 request  ·  20.0% of images',
      ],
      'images',
      'size',
    ],
    [
      'usage --type images --by source',
      IMAGES,
      `Image usage ${SPAN}: 10 images in 4 requests`,
      [
        '• *image.generation*  ·  6 images  ·  2 requests  ·  60.0% of images',
        '• *image.edit*  ·  4 images  ·  2 requests  ·  40.0% of images',
      ],
      'images',
      'source',
    ],
    [
      'usage --type audio-speeches',
      [
        ['audio_speeches', { time: ago(1), model: 'tts-1', characters: 12_000, num_model_requests: 4 }],
        ['audio_speeches', { time: ago(2), model: 'gpt-4o-mini-tts', characters: 3_000, num_model_requests: 1 }],
      ],
      `Text-to-speech usage ${SPAN}: 15,000 characters spoken in 5 requests`,
      [
        '• *tts-1*  ·  12,000 characters  ·  4 requests  ·  80.0% of characters',
        '• *gpt-4o-mini-tts*  ·  3,000 characters  ·  1 request  ·  20.0% of characters',
      ],
      'audio_speeches',
      'model',
    ],
    [
      'usage --type audio-transcriptions',
      [
        ['audio_transcriptions', { time: ago(1), model: 'whisper-1', seconds: 3_725, num_model_requests: 2 }],
        ['audio_transcriptions', { time: ago(2), model: 'gpt-4o-transcribe', seconds: 45, num_model_requests: 1 }],
      ],
      `Transcription usage ${SPAN}: 3,770 seconds (1h 2m 50s) of audio in 3 requests`,
      [
        '• *whisper-1*  ·  3,725 seconds (1h 2m 5s) of audio  ·  2 requests  ·  98.8% of audio',
        '• *gpt-4o-transcribe*  ·  45 seconds of audio  ·  1 request  ·  1.2% of audio',
      ],
      'audio_transcriptions',
      'model',
    ],
    [
      'usage --type file-search --by vector-store',
      [
        ['file_search_calls', { time: ago(1), vector_store_id: 'vs_docs', num_requests: 40 }],
        ['file_search_calls', { time: ago(2), vector_store_id: 'vs_faq', num_requests: 10 }],
      ],
      `File search usage ${SPAN}: 50 file search calls`,
      ['• *vs_docs*  ·  40 calls  ·  80.0% of calls', '• *vs_faq*  ·  10 calls  ·  20.0% of calls'],
      'file_search_calls',
      'vector_store_id',
    ],
    [
      'usage --type web-search --by context-level',
      [
        ['web_search_calls', { time: ago(1), context_level: 'high', num_requests: 12, num_model_requests: 4 }],
        ['web_search_calls', { time: ago(1), context_level: 'low', num_requests: 3, num_model_requests: 3 }],
      ],
      `Web search usage ${SPAN}: 15 web search calls in 7 model requests`,
      [
        '• *high*  ·  12 calls  ·  in 4 model requests  ·  80.0% of calls',
        '• *low*  ·  3 calls  ·  in 3 model requests  ·  20.0% of calls',
      ],
      'web_search_calls',
      'context_level',
    ],
  ])('"%s" reads its endpoint and shows its own figures', async (command, seeds, title, expected, kind, groupBy) => {
    seed(seeds);
    const reply = await h.ask(command, USERS.viewer);
    expect(messageText(reply)).toContain(title);
    expect(rows(reply)).toEqual(expected);
    const [call, ...others] = usageCalls();
    expect(others).toHaveLength(0);
    expect(call?.path).toBe(`/organization/usage/${kind}`);
    expect(call?.query.getAll('group_by')).toEqual([groupBy]);
    expect(call?.query.get('bucket_width')).toBe('1d');
  });

  it('counts code interpreter sessions per project, with project names', async () => {
    seed([
      ['code_interpreter_sessions', { time: ago(1), project_id: ids.alpha, num_sessions: 7 }],
      ['code_interpreter_sessions', { time: ago(2), project_id: ids.alpha, num_sessions: 3 }],
      ['code_interpreter_sessions', { time: ago(2), project_id: ids.beta, num_sessions: 5 }],
    ]);
    const reply = await h.ask('usage --type code-interpreter');
    expect(messageText(reply)).toContain(`Code interpreter usage ${SPAN}: 15 sessions`);
    expect(rows(reply)).toEqual([
      `• *Alpha*  ·  \`${ids.alpha}\`  ·  10 sessions  ·  66.7% of sessions`,
      `• *Beta*  ·  \`${ids.beta}\`  ·  5 sessions  ·  33.3% of sessions`,
    ]);
    expect(usageCalls()[0]?.query.getAll('group_by')).toEqual(['project_id']);
  });

  it('shows vector storage held on the latest day and its peak, not a sum over days', async () => {
    seed([
      ['vector_stores', { time: ago(3), project_id: ids.alpha, usage_bytes: 2_000_000_000 }],
      ['vector_stores', { time: ago(2), project_id: ids.alpha, usage_bytes: 3_000_000_000 }],
      ['vector_stores', { time: ago(1), project_id: ids.alpha, usage_bytes: 2_500_000_000 }],
      // Beta's store was deleted after day 3: nothing held now.
      ['vector_stores', { time: ago(3), project_id: ids.beta, usage_bytes: 1_000_000_000 }],
    ]);
    const reply = await h.ask('usage --type vector-stores');
    expect(messageText(reply)).toContain(`Vector store storage ${SPAN}: 2.5 GB stored on the latest day, peak 3 GB`);
    expect(messageText(reply)).toContain('By project, most storage on the latest day first, across 2 projects.');
    expect(rows(reply)).toEqual([
      `• *Alpha*  ·  \`${ids.alpha}\`  ·  2.5 GB on the latest day  ·  peak 3 GB  ·  100.0% of storage`,
      `• *Beta*  ·  \`${ids.beta}\`  ·  0 bytes on the latest day  ·  peak 1 GB  ·  0.0% of storage`,
    ]);
  });

  it('groups completions by batch and by user, users shown by email', async () => {
    const state = h.openai.state;
    state.addCompletionsUsage({
      time: ago(1),
      batch: true,
      userId: ids.ada,
      inputTokens: 100,
      outputTokens: 50,
      requests: 2,
    });
    state.addCompletionsUsage({ time: ago(2), userId: ids.ada, inputTokens: 10, outputTokens: 5 });
    state.addCompletionsUsage({ time: ago(2), inputTokens: 40 });
    expect(rows(await h.ask('usage --by batch'))).toEqual([
      '• *Batch API*  ·  100 input tokens (0 cached)  ·  50 output tokens  ·  2 requests  ·  73.2% of tokens',
      '• *Direct requests (not batch)*  ·  50 input tokens (0 cached)  ·  5 output tokens  ·  2 requests  ·  26.8% of tokens',
    ]);
    expect(rows(await h.ask('usage --type completions --by user'))).toEqual([
      `• *ada@example.com*  ·  \`${ids.ada}\`  ·  110 input tokens (0 cached)  ·  55 output tokens  ·  3 requests  ·  80.5% of tokens`,
      '• *(no user)*  ·  40 input tokens (0 cached)  ·  0 output tokens  ·  1 request  ·  19.5% of tokens',
    ]);
    expect(usageCalls().map((call) => call.query.getAll('group_by'))).toEqual([['batch'], ['user_id']]);
  });

  it('takes the API spelling of a kind and a grouping, and narrows to projects by name', async () => {
    seed([
      ['code_interpreter_sessions', { time: ago(1), project_id: ids.alpha, num_sessions: 7 }],
      ['code_interpreter_sessions', { time: ago(1), project_id: ids.beta, num_sessions: 5 }],
    ]);
    const reply = await h.ask('usage --type code_interpreter_sessions --by project_id --project Beta --since 7d');
    expect(messageText(reply)).toContain(
      'Code interpreter usage from 2026-03-09 to 2026-03-15 (7 days, UTC) for Beta: 5 sessions',
    );
    expect(usageCalls()[0]?.query.getAll('project_ids')).toEqual([ids.beta]);
  });

  it('says plainly when a kind has no usage in the range', async () => {
    seed([['images', { time: ago(40), images: 3 }]]);
    expect(firstLine(await h.ask('usage --type images'))).toBe(`*No image usage recorded ${SPAN}.*`);
  });

  it.each([
    ['usage --type vector-stores --by model', '--by "model" is not a way to group vector store storage; use project.'],
    [
      'usage --type code-interpreter --by user',
      '--by "user" is not a way to group code interpreter usage; use project.',
    ],
    [
      'usage --type images --by batch',
      '--by "batch" is not a way to group image usage; use model, project, api-key, user, size, source.',
    ],
    [
      'usage --type file-search --by model',
      '--by "model" is not a way to group file search usage; use project, api-key, user, vector-store.',
    ],
    [
      'usage --type files',
      '--type "files" is not a kind of usage; use completions, embeddings, images, moderations, audio-speeches, ' +
        'audio-transcriptions, vector-stores, code-interpreter, file-search, web-search.',
    ],
  ])('answers "%s" with the groupings the kind supports and calls nothing', async (command, message) => {
    expect(firstLine(await h.ask(command))).toBe(`:warning: ${message}`);
    expect(h.openai.requests).toHaveLength(0);
  });
});
