import type { AuditLogRecord } from '../state/records.js';
import { type People, person } from './people.js';
import { DAY, HOUR, type SeedContext } from './seed-context.js';
import { HISTORY_DAYS } from './spend.js';

/** Who signs in to the dashboard and how often on a working day. */
const REGULARS: readonly [first: string, chance: number][] = [
  ['ada', 0.55],
  ['grace', 0.6],
  ['margaret', 0.35],
  ['alan', 0.3],
  ['katherine', 0.25],
  ['dorothy', 0.3],
  ['karen', 0.2],
  ['claude', 0.15],
  ['joan', 0.15],
  ['frances', 0.1],
  ['edsger', 0.1],
  ['lynn', 0.2],
  ['radia', 0.2],
];

const FAILURES = [
  { error_code: 'invalid_credentials', error_message: 'Wrong email or password.' },
  { error_code: 'mfa_failed', error_message: 'The verification code was incorrect.' },
];

/** Dashboard sign-ins, sign-outs and the odd failed sign-in over the seeded months. */
export function seedSignIns(ctx: SeedContext, people: People): void {
  const { rng } = ctx;
  for (let daysAgo = HISTORY_DAYS - 1; daysAgo >= 0; daysAgo -= 1) {
    const day = ctx.today - daysAgo * DAY;
    const weekday = new Date(day * 1000).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    for (const [first, chance] of REGULARS) {
      const user = people.get(first);
      const signIn = rng.chance(weekend ? chance / 8 : chance);
      const time = day + rng.int(7, 18) * HOUR + rng.int(0, HOUR - 1);
      if (!user || !signIn || time < user.addedAt || time > ctx.now) continue;
      const actor = ctx.session(person(user));
      if (rng.chance(0.04))
        ctx.audit(time - rng.int(30, 300), {
          type: 'login.failed',
          payload: rng.pick(FAILURES),
          actor,
          projectId: null,
        });
      ctx.audit(time, { type: 'login.succeeded', payload: {}, actor, projectId: null });
      const out = time + rng.int(1, 6) * HOUR;
      if (rng.chance(0.2) && out < ctx.now)
        ctx.audit(out, { type: 'logout.succeeded', payload: {}, actor, projectId: null });
    }
  }
}

/** Puts the log in the order things happened and numbers it that way (`audit_log-1` is the oldest). */
export function orderAuditLog(log: AuditLogRecord[]): void {
  const sorted = log
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.effective_at - b.event.effective_at || a.index - b.index);
  log.length = 0;
  for (const [index, { event }] of sorted.entries()) {
    event.id = `audit_log-${index + 1}`;
    log.push(event);
  }
}
