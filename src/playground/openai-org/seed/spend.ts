import type { ProjectApiKeyRecord } from '../state/records.js';
import { recordOtherUsage } from './other-usage.js';
import type { Projects } from './projects.js';
import { DAY, HOUR, type SeedContext } from './seed-context.js';
import { FREE_USAGE, OTHER_LINES, PRICES, SPIKE, STREAMS } from './spend-plan.js';

/** Days of history the seed spends and uses (today, so far, included). */
export const HISTORY_DAYS = 91;

const money = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Adds three months of daily costs per project, line item and key, and the usage of every kind they come
 * from: a weekday rhythm, slow growth, day-to-day noise and one spike. A key spends only between its
 * creation and its last use, a project only until it was archived.
 */
export function seedSpend(ctx: SeedContext, projects: Projects): void {
  const { state, rng } = ctx;
  for (let daysAgo = HISTORY_DAYS - 1; daysAgo >= 0; daysAgo -= 1) {
    const day = ctx.today - daysAgo * DAY;
    const elapsed = Math.min(DAY, ctx.now - day);
    const weekday = new Date(day * 1000).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const trend = 0.8 + (0.2 * (HISTORY_DAYS - 1 - daysAgo)) / (HISTORY_DAYS - 1);
    const share = (elapsed / DAY) * trend;
    const active = (project: string, keyName: string): { key: ProjectApiKeyRecord; projectId: string } | undefined => {
      const seeded = projects.get(project);
      const key = seeded?.keys.get(keyName);
      if (!seeded || !key || key.lastUsedAt === null) return undefined;
      if (key.createdAt >= day + elapsed || key.lastUsedAt < day) return undefined;
      const archived = seeded.project.archivedAt;
      if (archived !== null && archived < day) return undefined;
      return { key, projectId: seeded.project.id };
    };
    const usedAt = (key: ProjectApiKeyRecord) => {
      const latest = Math.min(day + elapsed - 1, key.lastUsedAt ?? ctx.now);
      const earliest = Math.max(day, key.createdAt);
      return Math.min(latest, Math.max(earliest, day + rng.int(8, 19) * HOUR + rng.int(0, HOUR - 1)));
    };
    for (const stream of STREAMS) {
      const found = active(stream.project, stream.key);
      const noise = rng.between(0.82, 1.18);
      if (!found) continue;
      const spike = stream.key === SPIKE.key && daysAgo === SPIKE.daysAgo ? SPIKE.factor : 1;
      const dollars = stream.dollars * share * noise * spike * (weekend ? (stream.weekend ?? 0.35) : 1);
      const price = PRICES[stream.model]!;
      const discount = stream.batch ? 0.5 : 1;
      const perInputToken =
        (discount * ((1 - stream.cached) * price.input + stream.cached * price.cached + stream.output * price.output)) /
        1e6;
      const input = Math.round(dollars / perInputToken);
      const cached = Math.round(input * stream.cached);
      const output = Math.round(input * stream.output);
      const requests = Math.max(1, Math.round((input + output) / stream.perRequest));
      const owner = found.key.owner;
      state.addCompletionsUsage({
        projectId: found.projectId,
        time: usedAt(found.key),
        model: stream.model,
        userId: owner.type === 'user' ? owner.userId : null,
        apiKeyId: found.key.id,
        batch: stream.batch ?? false,
        serviceTier: 'default',
        inputTokens: input,
        outputTokens: output,
        inputCachedTokens: cached,
        requests,
      });
      const kind = stream.batch ? 'batch ' : '';
      const inputCost = (discount * ((input - cached) * price.input + cached * price.cached)) / 1e6;
      const base = { projectId: found.projectId, day, apiKeyId: found.key.id };
      state.addCost({ ...base, lineItem: `${stream.model}, ${kind}input`, amount: money(inputCost), quantity: input });
      const outputCost = (discount * output * price.output) / 1e6;
      state.addCost({
        ...base,
        lineItem: `${stream.model}, ${kind}output`,
        amount: money(outputCost),
        quantity: output,
      });
    }
    for (const line of OTHER_LINES) {
      const found = active(line.project, line.key);
      const noise = rng.between(0.8, 1.2);
      if (!found) continue;
      const dollars = line.dollars * share * noise * (weekend ? (line.weekend ?? 0.35) : 1);
      const quantity = Math.round(dollars / line.unitPrice);
      if (quantity === 0) continue;
      state.addCost({
        projectId: found.projectId,
        day,
        apiKeyId: found.key.id,
        lineItem: line.lineItem,
        amount: money(quantity * line.unitPrice),
        quantity,
      });
      recordOtherUsage(ctx, line.lineItem, found.projectId, found.key, usedAt(found.key), quantity);
    }
    for (const free of FREE_USAGE) {
      const found = active(free.project, free.key);
      const noise = rng.between(0.8, 1.2);
      if (!found) continue;
      const quantity = Math.round(free.perDay * share * noise * (weekend ? 0.6 : 1));
      if (quantity > 0) recordOtherUsage(ctx, free.lineItem, found.projectId, found.key, usedAt(found.key), quantity);
    }
  }
}
