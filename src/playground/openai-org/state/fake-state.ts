import { type UsageKind, usageValues } from '../usage-kinds.js';
import { type AuditEventInput, appendAuditEvent, sessionActor } from './audit-events.js';
import { addProjectGroup, type NewProjectGroup } from './project-groups.js';
import { ProjectSeeds } from './project-seeds.js';
import type {
  AuditLogRecord,
  CostRecord,
  ProjectGroupRecord,
  SpendAlertRecord,
  SpendLimitRecord,
  UsageRecord,
} from './records.js';
import { RoleBook } from './role-book.js';

const DAY = 86_400;

/** A day as `YYYY-MM-DD` (UTC) or any unix time within it. */
export type DayInput = string | number;

export interface NewSpendAlert {
  projectId?: string | null;
  thresholdAmount: number;
  recipients: string[];
  subjectPrefix?: string | null;
}

export interface NewAuditLog {
  type: string;
  payload?: Record<string, unknown>;
  effectiveAt?: number;
  /** Default: the default project; `null` for an event without a project. */
  projectId?: string | null;
  /** A dashboard user as actor; default actor is the bot's admin key. */
  actor?: { id: string; email: string };
}

export interface NewCost {
  projectId?: string | null;
  day: DayInput;
  /** Dollars (float), as `/organization/costs` reports them. */
  amount: number;
  lineItem?: string | null;
  apiKeyId?: string | null;
  quantity?: number | null;
}

export interface NewCompletionsUsage {
  projectId?: string | null;
  /** A `YYYY-MM-DD` day (counted at its start) or an exact unix time. */
  time: DayInput;
  model?: string | null;
  userId?: string | null;
  apiKeyId?: string | null;
  batch?: boolean;
  serviceTier?: string | null;
  inputTokens?: number;
  outputTokens?: number;
  inputCachedTokens?: number;
  requests?: number;
}

/**
 * Usage of one kind to seed, by the API's field names: grouping values (`project_id`, `model`, `size`, …) and
 * figures (`input_tokens`, `images`, `usage_bytes`, …; 0 when left out).
 */
export interface NewUsage {
  /** A `YYYY-MM-DD` day (counted at its start) or an exact unix time. */
  time: DayInput;
  [field: string]: string | number | boolean | null | undefined;
}

/** Unix seconds of a `YYYY-MM-DD` day's start (UTC), or the start of the day containing a unix time. */
export function dayStart(day: DayInput): number {
  if (typeof day === 'number') return Math.floor(day / DAY) * DAY;
  const millis = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(millis)) throw new Error(`Not a YYYY-MM-DD day: ${day}`);
  return millis / 1000;
}

/**
 * The whole emulated organization: its data (maps keyed by id), a settable clock (`now`) and seeding helpers.
 * Helpers validate like the API does and never write audit events (except `acceptInvite`).
 */
export class FakeState extends ProjectSeeds {
  /** Custom roles of the organization and its projects, and who holds which. */
  readonly rbac = new RoleBook(this);

  override reset(): void {
    super.reset();
    this.rbac.reset();
  }

  /** Adds an organization (`projectId` omitted/null) or project spend alert (`alert_<n>`), in cents. */
  addSpendAlert(input: NewSpendAlert): SpendAlertRecord {
    const alerts = this.spendAlertsOf(input.projectId ?? null);
    const alert: SpendAlertRecord = {
      id: this.ids.next('alert'),
      threshold_amount: input.thresholdAmount,
      currency: 'USD',
      interval: 'month',
      notification_channel: {
        type: 'email',
        recipients: [...input.recipients],
        subject_prefix: input.subjectPrefix ?? null,
      },
    };
    alerts.set(alert.id, alert);
    return alert;
  }

  /** Sets the organization (`projectId` omitted/null) or project hard spend limit, in cents. */
  setSpendLimit(input: { projectId?: string | null; thresholdAmount: number }): SpendLimitRecord {
    const limit: SpendLimitRecord = { threshold_amount: input.thresholdAmount, currency: 'USD', interval: 'month' };
    if (input.projectId) this.requireProject(input.projectId).spendLimit = limit;
    else this.orgSpendLimit = limit;
    return limit;
  }

  /** Gives a group access to a project with a project role id, as `POST …/projects/{id}/groups` does. */
  addProjectGroup(projectId: string, input: NewProjectGroup): ProjectGroupRecord {
    return addProjectGroup(this, projectId, input);
  }

  /** Dollars spent so far this calendar month (UTC, by `now`), for the org or one project. */
  monthToDateSpend(projectId: string | null = null): number {
    const now = new Date(this.now * 1000);
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) / 1000;
    return this.costs
      .filter((cost) => cost.startTime >= monthStart && cost.startTime <= this.now)
      .filter((cost) => projectId === null || cost.projectId === projectId)
      .reduce((sum, cost) => sum + cost.amount, 0);
  }

  /** Appends an audit-log event (seeded history); returns it as the API lists it. */
  addAuditLog(input: NewAuditLog): AuditLogRecord {
    const event: AuditEventInput = { type: input.type };
    if (input.payload !== undefined) event.payload = input.payload;
    if (input.effectiveAt !== undefined) event.effectiveAt = input.effectiveAt;
    if (input.projectId !== undefined) event.projectId = input.projectId;
    if (input.actor !== undefined) event.actor = sessionActor(input.actor);
    return appendAuditEvent(this, event);
  }

  /** Adds one day's cost line (dollars) for `/organization/costs`. */
  addCost(input: NewCost): CostRecord {
    const cost: CostRecord = {
      startTime: dayStart(input.day),
      amount: input.amount,
      projectId: input.projectId ?? null,
      lineItem: input.lineItem ?? null,
      apiKeyId: input.apiKeyId ?? null,
      quantity: input.quantity ?? null,
    };
    this.costs.push(cost);
    return cost;
  }

  /** Adds several cost lines. */
  addCosts(inputs: readonly NewCost[]): CostRecord[] {
    return inputs.map((input) => this.addCost(input));
  }

  /** Adds usage of one kind, as `/organization/usage/<kind>` reports it. */
  addUsage(kind: UsageKind, input: NewUsage): UsageRecord {
    const { time, ...fields } = input;
    const record: UsageRecord = {
      kind,
      time: typeof time === 'number' ? time : dayStart(time),
      values: usageValues(kind, fields),
    };
    this.usage.push(record);
    return record;
  }

  /** Adds completions usage (one request unless told), named the way the rest of the seeds are. */
  addCompletionsUsage(input: NewCompletionsUsage): UsageRecord {
    return this.addUsage('completions', {
      time: input.time,
      project_id: input.projectId ?? null,
      user_id: input.userId ?? null,
      api_key_id: input.apiKeyId ?? null,
      model: input.model ?? null,
      batch: input.batch ?? false,
      service_tier: input.serviceTier ?? null,
      input_tokens: input.inputTokens ?? 0,
      output_tokens: input.outputTokens ?? 0,
      input_cached_tokens: input.inputCachedTokens ?? 0,
      num_model_requests: input.requests ?? 1,
    });
  }
}
