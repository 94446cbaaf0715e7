import { z } from 'zod';

const count = z.number().default(0);
const key = z.string().nullish();
const object = z.string().optional();

/** Grouping fields most usage kinds share; each is set only when the report is grouped by it. */
const byCaller = { project_id: key, user_id: key, api_key_id: key, model: key };

/**
 * One result of each report endpoint: its figures and its grouping fields (`organization.costs.result`,
 * `organization.usage.<kind>.result`). Usage figures the API leaves out read as 0.
 */
export const REPORT_RESULTS = {
  costs: z.looseObject({
    object,
    /** `value` is in currency units (dollars), a float; `currency` is lower-case (`usd`). */
    amount: z.looseObject({ value: z.number(), currency: z.string() }).nullish(),
    line_item: key,
    project_id: key,
    api_key_id: key,
    /** Set when grouped by `line_item`, in the line item's own unit. */
    quantity: z.number().nullish(),
  }),
  completions: z.looseObject({
    object,
    input_tokens: count,
    output_tokens: count,
    input_cached_tokens: count,
    input_audio_tokens: count,
    output_audio_tokens: count,
    num_model_requests: count,
    ...byCaller,
    batch: z.boolean().nullish(),
    service_tier: key,
  }),
  embeddings: z.looseObject({ object, input_tokens: count, num_model_requests: count, ...byCaller }),
  moderations: z.looseObject({ object, input_tokens: count, num_model_requests: count, ...byCaller }),
  images: z.looseObject({ object, images: count, num_model_requests: count, ...byCaller, size: key, source: key }),
  audio_speeches: z.looseObject({ object, characters: count, num_model_requests: count, ...byCaller }),
  audio_transcriptions: z.looseObject({ object, seconds: count, num_model_requests: count, ...byCaller }),
  vector_stores: z.looseObject({ object, usage_bytes: count, project_id: key }),
  code_interpreter_sessions: z.looseObject({ object, num_sessions: count, project_id: key }),
  file_search_calls: z.looseObject({
    object,
    num_requests: count,
    project_id: key,
    user_id: key,
    api_key_id: key,
    vector_store_id: key,
  }),
  web_search_calls: z.looseObject({
    object,
    num_requests: count,
    num_model_requests: count,
    ...byCaller,
    context_level: key,
  }),
};
