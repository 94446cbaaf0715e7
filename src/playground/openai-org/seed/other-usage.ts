import type { ProjectApiKeyRecord } from '../state/records.js';
import type { UsageKind } from '../usage-kinds.js';
import type { SeedContext } from './seed-context.js';

type Field = string | number | boolean | null;

const calls = (quantity: number, per: number) => Math.max(1, Math.round(quantity / per));

/** A billed quantity of a line item as usage of its kind: the kind and the figures it reports. */
const USAGE_OF: Record<string, (quantity: number) => [kind: UsageKind, fields: Record<string, Field>]> = {
  'text-embedding-3-small': (q) => [
    'embeddings',
    { model: 'text-embedding-3-small', input_tokens: q, num_model_requests: calls(q, 900) },
  ],
  'text-embedding-3-large': (q) => [
    'embeddings',
    { model: 'text-embedding-3-large', input_tokens: q, num_model_requests: calls(q, 2_000) },
  ],
  'omni-moderation-latest': (q) => [
    'moderations',
    { model: 'omni-moderation-latest', input_tokens: q, num_model_requests: calls(q, 400) },
  ],
  'whisper-1': (minutes) => [
    'audio_transcriptions',
    { model: 'whisper-1', seconds: Math.round(minutes * 60), num_model_requests: calls(minutes, 3) },
  ],
  'tts-1': (characters) => [
    'audio_speeches',
    { model: 'tts-1', characters, num_model_requests: calls(characters, 700) },
  ],
  'dall-e-3': (images) => [
    'images',
    { model: 'dall-e-3', images, num_model_requests: images, size: '1024x1024', source: 'image.generation' },
  ],
  'web search tool calls': (q) => [
    'web_search_calls',
    { model: 'gpt-4o-2024-08-06', num_requests: q, num_model_requests: q, context_level: 'medium' },
  ],
  'file search tool calls': (q) => ['file_search_calls', { num_requests: q, vector_store_id: 'vs_knowledge_base' }],
  'vector store storage': (gigabyteDays) => ['vector_stores', { usage_bytes: Math.round(gigabyteDays * 1e9) }],
  'code interpreter sessions': (sessions) => ['code_interpreter_sessions', { num_sessions: sessions }],
};

/** Kinds the API groups by project only. */
const PROJECT_ONLY = new Set<UsageKind>(['vector_stores', 'code_interpreter_sessions']);

/**
 * Records a day's use of a line item that is not model tokens as usage of its kind (embeddings, images, audio,
 * moderations, vector stores, code interpreter, file and web search).
 */
export function recordOtherUsage(
  ctx: SeedContext,
  lineItem: string,
  projectId: string,
  key: ProjectApiKeyRecord,
  time: number,
  quantity: number,
): void {
  const usage = USAGE_OF[lineItem];
  if (!usage) return;
  const [kind, fields] = usage(quantity);
  const caller: Record<string, Field> = { project_id: projectId };
  if (!PROJECT_ONLY.has(kind)) {
    caller.user_id = key.owner.type === 'user' ? key.owner.userId : null;
    caller.api_key_id = key.id;
  }
  ctx.state.addUsage(kind, { time, ...caller, ...fields });
}
