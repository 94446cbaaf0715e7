import type { OpenAI } from 'openai';
import type { PagingLimits } from '../call.js';

/** What each resource of the port is built from: the SDK's organization resources and the paging limits. */
export interface ResourceContext {
  org: OpenAI['admin']['organization'];
  limits: PagingLimits;
}
