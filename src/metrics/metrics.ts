import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { APPROVAL_STATES, type ApprovalState } from '../domain/approvals/model.js';

/** Where gauges read their values at scrape time; the composition root sets them once the parts exist. */
export interface MetricSources {
  approvalsByState?: () => Promise<Readonly<Record<ApprovalState, number>>>;
  workQueueDepth?: () => number;
}

/** Outcome labels of a command, a bounded set. */
export type CommandOutcomeLabel =
  | 'ok'
  | 'approval_requested'
  | 'usage_error'
  | 'forbidden'
  | 'not_found'
  | 'admin_api_error'
  | 'error';

/** One Admin API attempt as the client saw it. */
export interface AdminCallObservation {
  method: string;
  /** The path template, e.g. `/organization/projects/{id}/users`. */
  endpoint: string;
  /** The HTTP status, or `timeout` / `connection_error` when no answer came. */
  status: string;
  seconds: number;
}

/** Every metric the bot exports, in one registry owned by the composition root. */
export interface Metrics {
  readonly registry: Registry;
  readonly commands: Counter<'operation' | 'outcome'>;
  readonly ackSeconds: Histogram<'kind'>;
  readonly digestRuns: Counter<'kind' | 'outcome'>;
  observeAdminCall(call: AdminCallObservation): void;
  /** Connects the scrape-time gauges to their sources. */
  watch(sources: MetricSources): void;
}

const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];
const ADMIN_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Builds a fresh registry with process metrics and the bot's own metrics (prefix `openai_bot_`). */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const sources: MetricSources = {};
  const commands = new Counter({
    name: 'openai_bot_commands_total',
    help: 'Operations run from Slack, modals or the CLI, by operation and outcome',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const ackSeconds = new Histogram({
    name: 'openai_bot_ack_seconds',
    help: 'Time from receiving a Slack request to acknowledging it, by kind of request',
    labelNames: ['kind'] as const,
    buckets: ACK_BUCKETS,
    registers: [registry],
  });
  const adminCalls = new Counter({
    name: 'openai_bot_admin_api_calls_total',
    help: 'Admin API attempts by method, endpoint template and status',
    labelNames: ['method', 'endpoint', 'status'] as const,
    registers: [registry],
  });
  const adminSeconds = new Histogram({
    name: 'openai_bot_admin_api_call_seconds',
    help: 'Admin API attempt latency by method, endpoint template and status',
    labelNames: ['method', 'endpoint', 'status'] as const,
    buckets: ADMIN_BUCKETS,
    registers: [registry],
  });
  const digestRuns = new Counter({
    name: 'openai_bot_digest_runs_total',
    help: 'Spend digests and threshold alerts posted, by kind (digest, alert) and outcome',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'openai_bot_approvals',
    help: 'Approval requests in the store by state, read at scrape time',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      // Without a database the other metrics matter most, so the scrape goes on without this one.
      const counts = await sources.approvalsByState?.().catch(() => undefined);
      if (counts) for (const state of APPROVAL_STATES) this.set({ state }, counts[state]);
    },
  });
  new Gauge({
    name: 'openai_bot_work_queue_depth',
    help: 'Work acknowledged to Slack and still running or waiting to run',
    registers: [registry],
    collect() {
      this.set(sources.workQueueDepth?.() ?? 0);
    },
  });
  return {
    registry,
    commands,
    ackSeconds,
    digestRuns,
    observeAdminCall({ method, endpoint, status, seconds }) {
      adminCalls.inc({ method, endpoint, status });
      adminSeconds.observe({ method, endpoint, status }, seconds);
    },
    watch(next) {
      Object.assign(sources, next);
    },
  };
}
