import type { AdminApi } from '../openai-admin/index.js';

/** What operations may use. Built once by the composition root. */
export interface OperationDeps {
  readonly admin: AdminApi;
  readonly now: () => Date;
}

export type { AdminApi };
