import type { FakeState } from '../state/fake-state.js';
import { orderAuditLog, seedSignIns } from './audit-history.js';
import { seedCertificatesAndTools } from './certificates.js';
import { seedGroups } from './groups.js';
import { seedPeople } from './people.js';
import { seedProjects } from './projects.js';
import { seedRoles } from './roles.js';
import { SeedContext } from './seed-context.js';
import { seedSettings } from './settings.js';
import { seedSpend } from './spend.js';

export { PLAYGROUND_SLACK_PEOPLE } from './people.js';

/**
 * Fills a fresh emulated organization (as `new FakeState(adminKey)` makes it) with a mid-size company as it
 * stands at `now` (unix seconds): 26 members, invites open, expired and accepted, five projects (one archived)
 * with members, service accounts and keys used recently, long ago or never, admin keys (the playground's own,
 * "Slack bot", owned by Ada), rate limits, model permissions, spend alerts and limits, data retention, groups
 * with access to projects, roles given to people and groups, certificates, hosted tool limits, three months
 * of daily costs with the usage of every kind behind them, and a few hundred audit events. The same `now` gives
 * the same organization, ids and key secrets included. The clock is left as it was.
 */
export function seedPlaygroundOrganization(state: FakeState, now: number): void {
  // The clock is moved while records are made; a fixed time set before seeding is put back afterwards.
  const clock = state as unknown as { fixedNow: number | undefined };
  const before = clock.fixedNow;
  const ctx = new SeedContext(state, now);
  try {
    const people = seedPeople(ctx);
    const projects = seedProjects(ctx, people);
    seedSettings(ctx, people, projects);
    seedGroups(ctx, people, projects);
    seedRoles(ctx, people, projects);
    seedCertificatesAndTools(ctx, people, projects);
    seedSpend(ctx, projects);
    seedSignIns(ctx, people);
    orderAuditLog(state.auditLogs);
  } finally {
    state.now = before;
  }
}
