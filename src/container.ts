import { WebClient } from '@slack/web-api';
import type { DestinationStream, Logger } from 'pino';
import { renderSpendChart } from './chart/render-png.js';
import { type Config, secretValues } from './config.js';
import type { AdminApi } from './domain/admin-api/admin-api.js';
import { ApprovalExecutor, newReplicaId } from './domain/approvals/approval-executor.js';
import { ApprovalService } from './domain/approvals/approval-service.js';
import { ApprovalSweeper } from './domain/approvals/approval-sweeper.js';
import type { ApprovalRequest } from './domain/approvals/model.js';
import type { CommandService } from './domain/command-service.js';
import { DigestScheduler } from './domain/digests/digest-scheduler.js';
import type { GrantExpirer } from './domain/grants/grant-expirer.js';
import type { GrantService } from './domain/grants/grant-service.js';
import { HomeService } from './domain/home.js';
import { operations } from './domain/operations/index.js';
import { Policy } from './domain/policy/policy.js';
import type { OperationDeps } from './domain/ports.js';
import { createBotKeyCheck } from './domain/secrets/bot-key.js';
import type { SecretVault } from './domain/secrets/ports.js';
import { SecretCipher } from './domain/secrets/secret-cipher.js';
import { StoreSecretVault } from './domain/secrets/secret-vault.js';
import { SuggestionService } from './domain/suggestions.js';
import type { WatchPoller } from './domain/watch/watch-poller.js';
import { buildGovernance, type GovernanceOptions } from './governance.js';
import { InFlight, type InFlightLimits, type InFlightOptions } from './in-flight.js';
import { createLogger } from './logger.js';
import { MeteredCommandService } from './metrics/metered-commands.js';
import { meteredPublisher } from './metrics/metered-publisher.js';
import { createMetrics, type Metrics } from './metrics/metrics.js';
import { endpointTemplate } from './openai-admin/endpoint-template.js';
import { createAdminApi } from './openai-admin/index.js';
import { loadPolicyFile } from './policy-file.js';
import { createApprovalNotifier, type NoticeOf } from './slack/adapters/approval-notifier.js';
import { createDigestPublisher } from './slack/adapters/digest-publisher.js';
import { createSlackDirectory } from './slack/adapters/directory.js';
import { createSlackFileSink } from './slack/adapters/file-sink.js';
import { refreshingHomes } from './slack/adapters/home-refreshing-notifier.js';
import { routeApprovalCards } from './slack/adapters/routed-approval-notifier.js';
import { createSecretCourier } from './slack/adapters/secret-courier.js';
import { unconfiguredApprovalNotifier } from './slack/adapters/unconfigured-approval-notifier.js';
import { createBoltLogger } from './slack/bolt-logger.js';
import { HomePublisher } from './slack/home-publisher.js';
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
  /** Time-bound grants; `expirer.tick()` takes back every due one. */
  readonly grants: GrantService;
  readonly grantExpirer: GrantExpirer;
  /** The audit watch poll; `tick()` runs one. */
  readonly watch: WatchPoller;
  /** The one Slack Web API client (Bolt's, when the bot runs), so all calls share one rate-limit queue. */
  readonly slack: WebClient;
  readonly metrics: Metrics;
  readonly operations: typeof operations;
  readonly inFlight: InFlight;
  readonly homes: HomePublisher;
  readonly health: () => Promise<boolean>;
  close(): Promise<void>;
}

export interface ContainerOverrides extends GovernanceOptions {
  logger?: Logger;
  /** The Slack Web API client to use (the bot passes Bolt's); the CLI, which has no Bolt app, gets its own. */
  slack?: WebClient;
  /** The metrics registry (the bot builds it first, since Bolt's receiver reports to it too). */
  metrics?: Metrics;
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
  /** Bounds on work after an acknowledgement (defaults in in-flight.ts, with the reasons for them). */
  inFlight?: Partial<InFlightLimits>;
  /** How that work is paced, and who is told when it stops taking more (in-flight.ts). */
  inFlightOptions?: InFlightOptions;
}

/** `/healthz` must answer well within a load balancer's patience, even when the database stalls. */
const HEALTH_DEADLINE_MS = 1_500;

/** True when the store answers a trivial query within `ms`; false when it fails or is slower. */
async function answersWithin(store: Store, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([store.ping().then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The composition root: builds every long-lived part once and wires them together. */
export async function buildContainer(config: Config, overrides: ContainerOverrides = {}): Promise<Container> {
  const logger = overrides.logger ?? createAppLogger(config, overrides.logDestination);
  const metrics = overrides.metrics ?? createMetrics();
  const slack =
    overrides.slack ??
    new WebClient(config.slack.botToken, {
      slackApiUrl: config.slack.apiUrl,
      // Without a token nothing can reach Slack; lookups then fail at once instead of after retries.
      retryConfig: {
        retries: config.slack.configured ? (overrides.webApiRetries ?? 3) : 0,
        factor: 2,
        minTimeout: 500,
        maxTimeout: 5_000,
      },
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
    dryRun: config.dryRun,
    logger: logger.child({ layer: 'openai-admin' }),
    onAttempt: ({ method, path, status, ms }) =>
      metrics.observeAdminCall({
        method,
        endpoint: endpointTemplate(path),
        status: String(status),
        seconds: ms / 1000,
      }),
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
  const replica = newReplicaId();
  const { grants, grantExpirer, watch } = buildGovernance({
    logger,
    slack,
    store,
    admin,
    now,
    policy,
    owner: replica,
    overrides,
  });
  const operationDeps: OperationDeps = {
    admin,
    store,
    now,
    grants,
    approvals: () => approvals,
    directory,
    secrets,
    botKey: createBotKeyCheck(config.openai.adminKey),
    files: createSlackFileSink(slack),
  };
  const approvalLogger = logger.child({ layer: 'approvals' });
  const noticeOf: NoticeOf = ({ request }) => policy.approverNotice(request.approver_role, request.requester_id);
  // Home tabs follow each request; the publisher, built below with the approval service, is reached when called.
  const notifier = config.slack.configured
    ? refreshingHomes(
        routeApprovalCards(createApprovalNotifier(slack, policy.approvalChannel, approvalLogger, noticeOf), (channel) =>
          createApprovalNotifier(slack, channel, approvalLogger, noticeOf),
        ),
        async (request) => homes.requestChanged(request),
      )
    : unconfiguredApprovalNotifier();
  const executor = new ApprovalExecutor(operations, operationDeps, notifier, {
    instanceId: replica,
    ...(overrides.executionLeaseMs ? { leaseTtlMs: overrides.executionLeaseMs } : {}),
  });
  const inFlight = new InFlight(overrides.inFlight, undefined, overrides.inFlightOptions);
  // An approved action's Admin API call waits outside the bounded work places after an acknowledgement.
  const executeAside = { execute: (request: ApprovalRequest) => inFlight.aside(() => executor.execute(request)) };
  const approvals = new ApprovalService({
    policy,
    operations,
    operationDeps,
    notifier,
    directory,
    executor: executeAside,
  });
  const homes = new HomePublisher(
    slack,
    new HomeService({ approvals, grants, policy, operationDeps }),
    logger.child({ layer: 'home' }),
  );
  const sweeper = new ApprovalSweeper(approvals, executor, {
    ...(overrides.sweepIntervalMs ? { intervalMs: overrides.sweepIntervalMs } : {}),
    onError: (error) => logger.error({ err: error }, 'approval sweep failed'),
    purgeSecrets: () => secrets.purgeExpired(),
  });
  const commands = new MeteredCommandService({ operations, policy, operationDeps, approvals }, metrics);
  const digestLogger = logger.child({ layer: 'digests' });
  const digests = new DigestScheduler(
    {
      store,
      admin,
      now,
      publisher: meteredPublisher(createDigestPublisher(slack, digestLogger, renderSpendChart), metrics),
      onError: (error, what) => digestLogger.error({ err: error }, what),
    },
    {
      owner: replica,
      alertLevels: policy.document.digests.alert_levels,
      alertCheckMs: policy.document.digests.alert_check,
      catchUpMs: policy.document.digests.catch_up,
      topProjects: 10,
      concurrency: overrides.adminConcurrency ?? 8,
      timer: overrides.digestTimer ?? true,
    },
  );
  metrics.watch({ approvalsByState: () => store.countApprovalsByState(), workQueueDepth: () => inFlight.size });
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
    grants,
    grantExpirer,
    watch,
    slack,
    metrics,
    operations,
    inFlight,
    homes,
    health: () => answersWithin(store, HEALTH_DEADLINE_MS),
    async close() {
      await digests.stop();
      await grantExpirer.stop();
      await watch.stop();
      await sweeper.stop();
      await admin.close();
      await store.close();
    },
  };
}

/** The bot's logger: pino at the configured level, redacting the admin key and the bot token. */
export function createAppLogger(config: Config, destination?: DestinationStream): Logger {
  return createLogger({
    level: config.logLevel,
    secrets: secretValues(config),
    ...(destination ? { destination } : {}),
  });
}
