import type { FakeState } from './openai-org/index.js';

const DAY_SECONDS = 86_400;

/** A repeatable sequence in [0.75, 1.25), so every start shows the same figures. */
function wobble(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return 0.75 + (x / 2_147_483_648) * 0.5;
  };
}

const PROJECTS = [
  { name: 'Research', daily: 41, alertDollars: 1_500 },
  { name: 'Support assistant', daily: 63, alertDollars: 2_000 },
  { name: 'Data pipeline', daily: 18, alertDollars: 800 },
  { name: 'Marketing copy', daily: 7, alertDollars: 300 },
] as const;

/**
 * A small organization to play with: the workspace's four people and two more as members, four projects with
 * members, keys, service accounts and spend alerts, an archived prototype, a pending invite, and daily costs for
 * last month and this month to date (so the spend digest has movers, a forecast and a chart).
 */
export function seedOrganization(state: FakeState): void {
  const ada = state.addUser({ email: 'ada@example.com', name: 'Ada Lovelace', role: 'owner' });
  const grace = state.addUser({ email: 'grace@example.com', name: 'Grace Hopper', role: 'owner' });
  const alan = state.addUser({ email: 'alan@example.com', name: 'Alan Turing', role: 'reader' });
  const katherine = state.addUser({ email: 'katherine@example.com', name: 'Katherine Johnson', role: 'reader' });
  const edsger = state.addUser({ email: 'edsger@example.com', name: 'Edsger Dijkstra', role: 'reader' });
  const barbara = state.addUser({ email: 'barbara@example.com', name: 'Barbara Liskov', role: 'reader' });
  state.addInvite({ email: 'margaret@example.com', role: 'reader' });

  const projects = PROJECTS.map((spec) => ({ spec, project: state.addProject({ name: spec.name }) }));
  const [research, support, pipeline, marketing] = projects.map((p) => p.project.id) as [
    string,
    string,
    string,
    string,
  ];
  state.addProjectUser(research, { userId: ada.id, role: 'owner' });
  state.addProjectUser(research, { userId: alan.id });
  state.addProjectUser(research, { userId: edsger.id });
  state.addProjectUser(support, { userId: grace.id, role: 'owner' });
  state.addProjectUser(support, { userId: katherine.id });
  state.addProjectUser(pipeline, { userId: barbara.id, role: 'owner' });
  state.addProjectUser(pipeline, { userId: alan.id });
  state.addProjectUser(marketing, { userId: katherine.id, role: 'owner' });
  state.addProjectApiKey(research, { name: 'notebooks', userId: ada.id });
  state.addProjectApiKey(research, {
    name: 'old experiment',
    userId: edsger.id,
    lastUsedAt: state.now - 120 * DAY_SECONDS,
  });
  state.addServiceAccount(support, { name: 'support-bot' });
  state.addServiceAccount(pipeline, { name: 'nightly-batch' });
  state.addProject({ name: 'Legacy prototype', archived: true });

  const recipients = ['ada@example.com'];
  for (const { spec, project } of projects) {
    state.addSpendAlert({ projectId: project.id, thresholdAmount: spec.alertDollars * 100, recipients });
  }
  state.addSpendAlert({ thresholdAmount: 6_000 * 100, recipients });

  const today = Math.floor(state.now / DAY_SECONDS) * DAY_SECONDS;
  const now = new Date(state.now * 1000);
  const lastMonthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1) / 1000;
  for (const [index, { spec, project }] of projects.entries()) {
    const next = wobble(index + 7);
    // Support's spend climbs this month, so it leads the movers and crosses an alert level.
    const growth = (day: number) => (index === 1 && day >= today - 10 * DAY_SECONDS ? 1.8 : 1);
    for (let day = lastMonthStart; day <= today; day += DAY_SECONDS) {
      const amount = Math.round(spec.daily * next() * growth(day) * 100) / 100;
      state.addCost({ projectId: project.id, day, amount, lineItem: 'gpt-5, input' });
    }
  }
}
