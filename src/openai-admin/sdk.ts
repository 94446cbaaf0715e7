import { OpenAI } from 'openai';
import type { Dispatcher } from 'undici';
import { encodeQuery } from './query.js';
import type { createTransport } from './transport.js';

/** The SDK client, sending each query string in the form the OpenAPI document gives it (see `query.ts`). */
class AdminSdk extends OpenAI {
  override buildURL(path: string, query: Record<string, unknown> | null | undefined, defaultBaseURL?: string): string {
    const url = new URL(super.buildURL(path, null, defaultBaseURL));
    url.search = encodeQuery(path, query);
    return url.toString();
  }
}

export interface SdkOptions {
  baseUrl: string;
  adminKey: string;
  transport: ReturnType<typeof createTransport>;
  dispatcher: Dispatcher;
  /** The SDK's own deadline for a whole call, retries included; the transport's per attempt come first. */
  timeoutMs: number;
}

/**
 * OpenAI's SDK set up for the Admin API only: the admin key, no other credential or setting taken from the
 * environment, the SDK's retries off (the transport retries by its own rules), its logging off (the transport logs).
 */
export function createSdk(options: SdkOptions): OpenAI {
  return new AdminSdk({
    adminAPIKey: options.adminKey,
    apiKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    baseURL: options.baseUrl,
    maxRetries: 0,
    timeout: options.timeoutMs,
    fetch: options.transport,
    fetchOptions: { dispatcher: options.dispatcher },
    logLevel: 'off',
  });
}
