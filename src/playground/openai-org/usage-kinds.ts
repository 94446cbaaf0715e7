/** An array filter of a report endpoint: the field it matches and, where the API enumerates them, its values. */
export interface ReportFilter {
  readonly field: string;
  readonly values?: readonly string[];
}

/** One `/organization/usage/<kind>` endpoint as the spec describes it. */
export interface UsageKindSpec {
  /** The results' `object`. */
  readonly object: string;
  /** Numeric fields of each result, summed over the records of a group. */
  readonly figures: readonly string[];
  /** `group_by` values; each is also a (nullable) field of every result. */
  readonly groupBy: readonly string[];
  /** Array query filters besides `project_ids`, by parameter name. */
  readonly filters: Readonly<Record<string, ReportFilter>>;
  /** Boolean query filters, by parameter name: the field they match. */
  readonly flags?: Readonly<Record<string, string>>;
  /** Values of grouping fields a seeded record gets when it names none. */
  readonly defaults?: Readonly<Record<string, string | boolean>>;
}

const CALLER = ['project_id', 'user_id', 'api_key_id', 'model'];
const CALLER_FILTERS = {
  user_ids: { field: 'user_id' },
  api_key_ids: { field: 'api_key_id' },
  models: { field: 'model' },
};

export const IMAGE_SOURCES = ['image.generation', 'image.edit', 'image.variation'];
export const IMAGE_SIZES = ['256x256', '512x512', '1024x1024', '1792x1792', '1024x1792'];
export const CONTEXT_LEVELS = ['low', 'medium', 'high'];

/** Every usage kind the Admin API reports: the path suffix, with the fields and filters of its results. */
export const USAGE_KINDS = {
  completions: {
    object: 'organization.usage.completions.result',
    figures: [
      'input_tokens',
      'output_tokens',
      'input_cached_tokens',
      'input_audio_tokens',
      'output_audio_tokens',
      'num_model_requests',
    ],
    groupBy: [...CALLER, 'batch', 'service_tier'],
    filters: CALLER_FILTERS,
    flags: { batch: 'batch' },
    defaults: { batch: false },
  },
  embeddings: {
    object: 'organization.usage.embeddings.result',
    figures: ['input_tokens', 'num_model_requests'],
    groupBy: CALLER,
    filters: CALLER_FILTERS,
  },
  moderations: {
    object: 'organization.usage.moderations.result',
    figures: ['input_tokens', 'num_model_requests'],
    groupBy: CALLER,
    filters: CALLER_FILTERS,
  },
  images: {
    object: 'organization.usage.images.result',
    figures: ['images', 'num_model_requests'],
    groupBy: [...CALLER, 'size', 'source'],
    filters: {
      ...CALLER_FILTERS,
      sources: { field: 'source', values: IMAGE_SOURCES },
      sizes: { field: 'size', values: IMAGE_SIZES },
    },
  },
  audio_speeches: {
    object: 'organization.usage.audio_speeches.result',
    figures: ['characters', 'num_model_requests'],
    groupBy: CALLER,
    filters: CALLER_FILTERS,
  },
  audio_transcriptions: {
    object: 'organization.usage.audio_transcriptions.result',
    figures: ['seconds', 'num_model_requests'],
    groupBy: CALLER,
    filters: CALLER_FILTERS,
  },
  vector_stores: {
    object: 'organization.usage.vector_stores.result',
    figures: ['usage_bytes'],
    groupBy: ['project_id'],
    filters: {},
  },
  code_interpreter_sessions: {
    object: 'organization.usage.code_interpreter_sessions.result',
    figures: ['num_sessions'],
    groupBy: ['project_id'],
    filters: {},
  },
  file_search_calls: {
    object: 'organization.usage.file_searches.result',
    figures: ['num_requests'],
    groupBy: ['project_id', 'user_id', 'api_key_id', 'vector_store_id'],
    filters: {
      user_ids: { field: 'user_id' },
      api_key_ids: { field: 'api_key_id' },
      vector_store_ids: { field: 'vector_store_id' },
    },
  },
  web_search_calls: {
    object: 'organization.usage.web_searches.result',
    figures: ['num_requests', 'num_model_requests'],
    groupBy: [...CALLER, 'context_level'],
    filters: { ...CALLER_FILTERS, context_levels: { field: 'context_level', values: CONTEXT_LEVELS } },
  },
} as const satisfies Record<string, UsageKindSpec>;

export type UsageKind = keyof typeof USAGE_KINDS;

type FieldValue = string | number | boolean | null;

/**
 * Checks seeded fields of one kind of usage as the API would report them: figures are counts (0 when not
 * given), grouping fields strings (or the batch flag); any other field is a mistake in the seed.
 */
export function usageValues(kind: UsageKind, fields: Readonly<Record<string, unknown>>): Record<string, FieldValue> {
  const spec: UsageKindSpec = USAGE_KINDS[kind];
  const values: Record<string, FieldValue> = {};
  for (const figure of spec.figures) values[figure] = 0;
  for (const field of spec.groupBy) values[field] = spec.defaults?.[field] ?? null;
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const figure = spec.figures.includes(field);
    const fits = figure
      ? Number.isInteger(value) && (value as number) >= 0
      : spec.groupBy.includes(field) && (value === null || typeof value === (field === 'batch' ? 'boolean' : 'string'));
    if (!fits) {
      const known = [...spec.figures, ...spec.groupBy].join(', ');
      throw new Error(`${kind} usage has no field ${field} = ${JSON.stringify(value)}; its fields are ${known}`);
    }
    values[field] = value as FieldValue;
  }
  return values;
}
