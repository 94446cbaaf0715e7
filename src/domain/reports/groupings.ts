import type { Grouping } from './report-kind.js';

/** `--by` choices several reports share, each with the API's `group_by` value and how rows are labelled. */
export const MODEL = { field: 'model', noun: 'model', none: '(no model)' } as const satisfies Grouping;
export const PROJECT = {
  field: 'project_id',
  noun: 'project',
  none: '(no project)',
  names: 'projects',
} as const satisfies Grouping;
export const API_KEY = { field: 'api_key_id', noun: 'API key', none: '(no API key)' } as const satisfies Grouping;
export const USER = { field: 'user_id', noun: 'user', none: '(no user)', names: 'users' } as const satisfies Grouping;

/** By model (the default), project, API key or user: what the per-model usage endpoints accept. */
export const BY_CALLER = { model: MODEL, project: PROJECT, 'api-key': API_KEY, user: USER } as const;

export const LINE_ITEM = { field: 'line_item', noun: 'line item', none: '(no line item)' } as const satisfies Grouping;

export const BATCH = {
  field: 'batch',
  noun: 'request mode',
  none: '(no request mode)',
  label: (key: string) => (key === 'true' ? 'Batch API' : 'Direct requests (not batch)'),
} as const satisfies Grouping;
export const SERVICE_TIER = { field: 'service_tier', noun: 'service tier', none: '(no service tier)' } as const;
export const IMAGE_SIZE = { field: 'size', noun: 'image size', none: '(no size)' } as const satisfies Grouping;
export const IMAGE_SOURCE = { field: 'source', noun: 'image source', none: '(no source)' } as const satisfies Grouping;
export const VECTOR_STORE = { field: 'vector_store_id', noun: 'vector store', none: '(no vector store)' } as const;
export const CONTEXT_LEVEL = {
  field: 'context_level',
  noun: 'search context size',
  none: '(no context size)',
} as const satisfies Grouping;
