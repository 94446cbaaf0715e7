import type { OrgRole, UserRecord } from '../state/records.js';
import type { SeedContext } from './seed-context.js';

/** The four people of the playground's Slack workspace, members of the seeded organization. */
export const PLAYGROUND_SLACK_PEOPLE = [
  { email: 'ada@example.com', name: 'Ada Lovelace', role: 'owner' },
  { email: 'grace@example.com', name: 'Grace Hopper', role: 'owner' },
  { email: 'alan@example.com', name: 'Alan Turing', role: 'reader' },
  { email: 'katherine@example.com', name: 'Katherine Johnson', role: 'reader' },
] as const satisfies readonly { email: string; name: string; role: OrgRole }[];

/** Everyone else, with the number of days since they joined (newest last). */
const COLLEAGUES: readonly [name: string, role: OrgRole, joinedDaysAgo: number][] = [
  ['Margaret Hamilton', 'owner', 610],
  ['Edsger Dijkstra', 'reader', 590],
  ['Claude Shannon', 'reader', 560],
  ['Dorothy Vaughan', 'reader', 520],
  ['Mary Jackson', 'reader', 500],
  ['Frances Allen', 'reader', 470],
  ['John Backus', 'reader', 430],
  ['Hedy Lamarr', 'reader', 400],
  ['Jean Bartik', 'reader', 380],
  ['Annie Easley', 'reader', 350],
  ['Betty Holberton', 'reader', 320],
  ['Kathleen Booth', 'reader', 280],
  ['Joan Clarke', 'reader', 240],
  ['Karen Sparck Jones', 'reader', 200],
  ['Seymour Cray', 'reader', 170],
  ['Niklaus Wirth', 'reader', 150],
  ['Dennis Ritchie', 'reader', 120],
  ['Evelyn Granville', 'reader', 84],
  ['Tommy Flowers', 'reader', 61],
  ['Lynn Conway', 'reader', 33],
];

/** The newest members: [name, days since they joined]. Whoever joined in the last three months came by invite. */
const RECENT_JOINERS: readonly [name: string, joinedDaysAgo: number][] = [
  ['Radia Perlman', 19],
  ['Marvin Minsky', 9],
];

/** Open, expired and revoked invites: [email, role, days since sent]. */
const PENDING_INVITES: readonly [string, OrgRole, number][] = [
  ['charles@example.com', 'reader', 1],
  ['sophie@example.com', 'reader', 3],
  ['ida@example.com', 'owner', 5],
];
const EXPIRED_INVITE: [string, OrgRole, number] = ['konrad@example.com', 'reader', 16];
const REVOKED_INVITE: [string, OrgRole, number] = ['contractor@example.net', 'reader', 52];

export const emailOf = (name: string) => `${(name.split(' ')[0] ?? name).toLowerCase()}@example.com`;

/** The members by first name in lower case (`ada`, `grace`, …). */
export type People = Map<string, UserRecord>;

export const firstName = (user: { name: string | null; email: string }) =>
  (user.name ?? user.email).split(' ')[0]?.toLowerCase() ?? user.email;

/**
 * Adds the members (those who joined in the last three months through an invite they accepted), the open,
 * expired and revoked invites, and the audit events of all of it.
 */
export function seedPeople(ctx: SeedContext): People {
  const { state } = ctx;
  const people: People = new Map();
  const joined: [string, OrgRole, number][] = [
    ...PLAYGROUND_SLACK_PEOPLE.map((p, i): [string, OrgRole, number] => [p.name, p.role, 720 - i * 15]),
    ...COLLEAGUES,
    ...RECENT_JOINERS.map(([name, days]): [string, OrgRole, number] => [name, 'reader', days]),
  ];
  for (const [name, role, days] of joined) {
    const email = PLAYGROUND_SLACK_PEOPLE.find((p) => p.name === name)?.email ?? emailOf(name);
    const time = ctx.ago(days, ctx.rng.int(1, 8));
    const user =
      days > 90 ? state.addUser({ email, name, role, addedAt: time }) : joinByInvite(ctx, people, email, role, time);
    user.name = name;
    people.set(firstName(user), user);
    // The organization's owner behind the admin keys (the playground's own included) is Ada.
    if (email === 'ada@example.com') Object.assign(state.owner, { id: user.id, email, name });
  }
  const grace = people.get('grace')!;
  for (const [email, role, days] of [...PENDING_INVITES, EXPIRED_INVITE, REVOKED_INVITE]) {
    const inviter = ctx.rng.pick([people.get('ada')!, grace]);
    const invite = ctx.at(ctx.ago(days, ctx.rng.int(1, 6)), () => state.addInvite({ email, role, projects: [] }));
    ctx.audit(invite.createdAt, {
      type: 'invite.sent',
      payload: { id: invite.id, data: { email, role } },
      actor: ctx.session(person(inviter)),
      projectId: null,
    });
  }
  const revoked = [...state.invites.values()].find((invite) => invite.email === REVOKED_INVITE[0])!;
  state.deleteInvite(revoked.id);
  ctx.audit(revoked.createdAt + 2 * 86_400, {
    type: 'invite.deleted',
    payload: { id: revoked.id },
    actor: ctx.session(person(grace)),
    projectId: null,
  });
  return people;
}

export const person = (user: UserRecord) => ({ id: user.id, email: user.email, name: user.name ?? user.email });

/** Invited by an owner a day or so before `joinedAt`, accepted then. */
function joinByInvite(ctx: SeedContext, people: People, email: string, role: OrgRole, joinedAt: number): UserRecord {
  const { state } = ctx;
  const inviter = ctx.rng.pick([people.get('ada')!, people.get('grace')!]);
  const sentAt = joinedAt - ctx.rng.int(3, 40) * 3600;
  const invite = ctx.at(sentAt, () => state.addInvite({ email, role, projects: [] }));
  ctx.audit(sentAt, {
    type: 'invite.sent',
    payload: { id: invite.id, data: { email, role } },
    actor: ctx.session(person(inviter)),
    projectId: null,
  });
  const user = ctx.at(joinedAt, () => state.acceptInvite(invite.id));
  const accepted = state.auditLogs.at(-1);
  if (accepted) accepted.actor = ctx.session(person(user));
  return user;
}
