import { WebClient } from '@slack/web-api';
import type { DestinationStream, Logger } from 'pino';
import { renderSpendChart } from './chart/render-png.js';
import { type Config, secretValues } from './config.js';
import { ApprovalExecutor } from './domain/approvals/approval-executor.js';
import { ApprovalService } from './domain/approvals/approval-service.js';
import { ApprovalSweeper } from './domain/approvals/approval-sweeper.js';
import { CommandService } from './domain/command-service.js';
import { DigestScheduler } from './domain/digests/digest-scheduler.js';
import { operations } from './domain/operations/index.js';
import { Policy } from './domain/policy/policy.js';
import type { OperationDeps } from './domain/ports.js';
import { createBotKeyCheck } from './domain/secrets/bot-key.js';
import type { SecretVault } from './domain/secrets/ports.js';
import { SecretCipher } from './domain/secrets/secret-cipher.js';
import { StoreSecretVault } from './domain/secrets/secret-vault.js';
import { SuggestionService } from './domain/suggestions.js';
import { InFlight } from './in-flight.js';
import { createLogger } from './logger.js';
import { type AdminApi, createAdminApi } from './openai-admin/index.js';
import { loadPolicyFile } from './policy-file.js';
import { createApprovalNotifier } from './slack/adapters/approval-notifier.js';
import { createDigestPublisher } from './slack/adapters/digest-publisher.js';
import { createSlackDirectory } from './slack/adapters/directory.js';
import { createSlackFileSink } from './slack/adapters/file-sink.js';
import { createSecretCourier } from './slack/adapters/secret-courier.js';
import { createBoltLogger } from './slack/bolt-logger.js';
import { createStore } from './storage/create-store.js';
import type { Store } from './storage/store.js';

export interface Container {
  readonly config: Config;
  readonly logger: Logger;
  readonly admin: AdminApi;
  readonly store: Store;
  readonly policy: Policy;
  readonly commands: CommandService;
  readonly suggestions: SuggestionService;
  readonly approvals: ApprovalService;
  readonly sweeper: ApprovalSweeper;
  /** Scheduled spend digests and threshold alerts; `tick()` runs one pass. */
  readonly digests: DigestScheduler;
  readonly secrets: SecretVault;
  readonly slack: WebClient;
  readonly operations: typeof operations;
  readonly inFlight: InFlight;
  readonly health: () => Promise<boolean>;
  close(): Promise<void>;
}

export interface ContainerOverrides {
  logger?: Logger;
  /** Where the process logger writes instead of stdout (tests read its lines); redaction is unchanged. */
  logDestination?: DestinationStream;
  now?: () => Date;
  /** Admin API retry waits; tests shorten them. */
  adminRetry?: { initialDelayMs?: number; maxDelayMs?: number; maxRetries?: number };
  adminTimeoutMs?: number;
  /** PostgreSQL schema for every table (tests isolate themselves this way). */
  databaseSchema?: string;
  /** Approval sweeper period (expiry, interrupted executions). */
  sweepIntervalMs?: number;
  /** Execution lease lifetime; a crashed executor's request is reported after this. */
  executionLeaseMs?: number;
  webApiRetries?: number;
  /** Whether the digest scheduler runs its own minute timer; tests turn it off and call `digests.tick()`. */
  digestTimer?: boolean;
  /** Spend-alert calls in flight at once while reading spend for a digest (default 8). */
  adminConcurrency?: number;
}

/** The composition root: builds every long-lived part once and wires them together. */
export async function buildContainer(config: Config, overrides: ContainerOverrides = {}): Promise<Container> {
  const logger =
    overrides.logger ??
    createLogger({
      level: config.logLevel,
      secrets: secretValues(config),
      ...(overrides.logDestination ? { destination: overrides.logDestination } : {}),
    });
  const slack = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { retries: overrides.webApiRetries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
    logger: createBoltLogger(logger),
  });
  const directory = createSlackDirectory(slack, logger.child({ layer: 'slack-directory' }));
  const policyDocument = await loadPolicyFile(
    config.policyFile,
    operations.map((op) => op.name),
  );
  const policy = new Policy(policyDocument, directory);
  const admin = createAdminApi({
    baseUrl: config.openai.baseUrl,
    adminKey: config.openai.adminKey,
    logger: logger.child({ layer: 'openai-admin' }),
    ...(overrides.adminRetry ? { retry: overrides.adminRetry } : {}),
    ...(overrides.adminTimeoutMs ? { timeoutMs: overrides.adminTimeoutMs } : {}),
  });
  const store = await createStore(config.databaseUrl, {
    logger: logger.child({ layer: 'storage' }),
    ...(overrides.databaseSchema ? { schema: overrides.databaseSchema } : {}),
  });
  const now = overrides.now ?? (() => new Date());
  const secrets = new StoreSecretVault({
    store,
    cipher: new SecretCipher(config.openai.adminKey),
    courier: createSecretCourier(slack),
    now,
    onDeliveryFailed: (error, secretId) =>
      logger.warn({ err: error, secretId }, 'could not offer a new key to its owner; its value was discarded'),
  });
  const operationDeps: OperationDeps = {
    admin,
    store,
    now,
    directory,
    secrets,
    botKey: createBotKeyCheck(config.openai.adminKey),
    files: createSlackFileSink(slack),
  };
  const notifier = createApprovalNotifier(slack, policy.approvalChannel, logger.child({ layer: 'approvals' }));
  const executor = new ApprovalExecutor(operations, operationDeps, notifier, {
    ...(overrides.executionLeaseMs ? { leaseTtlMs: overrides.executionLeaseMs } : {}),
  });
  const approvals = new ApprovalService({ policy, operations, operationDeps, notifier, directory, executor });
  operationDeps.approvals = approvals;
  const sweeper = new ApprovalSweeper(approvals, executor, {
    ...(overrides.sweepIntervalMs ? { intervalMs: overrides.sweepIntervalMs } : {}),
    onError: (error) => logger.error({ err: error }, 'approval sweep failed'),
    purgeSecrets: () => secrets.purgeExpired(),
  });
  const commands = new CommandService({ operations, policy, operationDeps, approvals });
  const digestLogger = logger.child({ layer: 'digests' });
  const digests = new DigestScheduler(
    {
      store,
      admin,
      now,
      publisher: createDigestPublisher(slack, digestLogger, renderSpendChart),
      onError: (error, what) => digestLogger.error({ err: error }, what),
    },
    {
      owner: executor.instanceId,
      alertLevels: policy.document.digests.alert_levels,
      alertCheckMs: policy.document.digests.alert_check,
      catchUpMs: policy.document.digests.catch_up,
      topProjects: 10,
      concurrency: overrides.adminConcurrency ?? 8,
      timer: overrides.digestTimer ?? true,
    },
  );
  return {
    config,
    logger,
    admin,
    store,
    policy,
    commands,
    suggestions: new SuggestionService({ admin, policy }),
    approvals,
    sweeper,
    digests,
    secrets,
    slack,
    operations,
    inFlight: new InFlight(),
    health: () => store.ping().then(() => true),
    async close() {
      await digests.stop();
      await sweeper.stop();
      await admin.close();
      await store.close();
    },
  };
}
