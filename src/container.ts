import type { Logger } from 'pino';
import type { Config } from './config.js';
import { CommandService } from './domain/command-service.js';
import { operations } from './domain/operations/index.js';
import { Policy } from './domain/policy/policy.js';
import type { OperationDeps } from './domain/ports.js';
import { InFlight } from './in-flight.js';
import { createLogger } from './logger.js';
import { type AdminApi, createAdminApi } from './openai-admin/index.js';
import { loadPolicyFile } from './policy-file.js';

export interface Container {
  readonly config: Config;
  readonly logger: Logger;
  readonly admin: AdminApi;
  readonly policy: Policy;
  readonly commands: CommandService;
  readonly operations: typeof operations;
  readonly inFlight: InFlight;
  readonly health: () => Promise<boolean>;
  close(): Promise<void>;
}

export interface ContainerOverrides {
  logger?: Logger;
  now?: () => Date;
  /** Admin API retry waits; tests shorten them. */
  adminRetry?: { initialDelayMs?: number; maxDelayMs?: number; maxRetries?: number };
  adminTimeoutMs?: number;
}

/** The composition root: builds every long-lived part once and wires them together. */
export async function buildContainer(config: Config, overrides: ContainerOverrides = {}): Promise<Container> {
  const logger =
    overrides.logger ??
    createLogger({ level: config.logLevel, secrets: [config.openai.adminKey, config.slack.botToken] });
  const policy = new Policy(await loadPolicyFile(config.policyFile));
  const admin = createAdminApi({
    baseUrl: config.openai.baseUrl,
    adminKey: config.openai.adminKey,
    logger: logger.child({ layer: 'openai-admin' }),
    ...(overrides.adminRetry ? { retry: overrides.adminRetry } : {}),
    ...(overrides.adminTimeoutMs ? { timeoutMs: overrides.adminTimeoutMs } : {}),
  });
  const now = overrides.now ?? (() => new Date());
  const operationDeps: OperationDeps = { admin, now };
  const commands = new CommandService({ operations, policy, operationDeps });
  return {
    config,
    logger,
    admin,
    policy,
    commands,
    operations,
    inFlight: new InFlight(),
    health: async () => true,
    async close() {
      await admin.close();
    },
  };
}
