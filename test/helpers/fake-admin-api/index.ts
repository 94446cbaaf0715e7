import type { FakeAdminApi, FakeAdminApiOptions } from '../../../src/playground/openai-org/index.js';
import { startEmulatedOrganization } from '../../../src/playground/openai-org/index.js';
import { recordExchange } from '../openapi/drift-record.js';

export * from '../../../src/playground/openai-org/index.js';

/** The emulated organization, with every exchange checked against OpenAI's spec for the test that caused it. */
export function startFakeAdminApi(options: FakeAdminApiOptions = {}): Promise<FakeAdminApi> {
  return startEmulatedOrganization({ ...options, onExchange: options.onExchange ?? recordExchange });
}
