import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../src/domain/operations/index.js';
import { BATCH_CERT, PAYMENTS_CERT } from '../fixtures/certificates.js';
import { approve, requestApproval } from '../helpers/approvals.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

/** Ids of what the seeded organization holds, for commands that name them. */
interface Seeded {
  apollo: string;
  auditor: string;
  ciBot: string;
  payments: string;
  batch: string;
  eng: string;
  ops: string;
  bob: string;
  carol: string;
  sam: string;
  invite: string;
  alert: string;
  adminKey: string;
  staleKey: string;
  grant: string;
}

interface Case {
  /** The command, from what was seeded and what earlier cases answered. */
  text: (seeded: Seeded, earlier: Map<string, string>) => string;
  /** What the reply must say would have been sent; absent for writes that change only the bot's own records. */
  wouldSend?: (seeded: Seeded) => string;
  as?: string;
}

const DAY = 86_400;

/** Every operation of the registry that is not a read, with a command that runs it. */
const CASES: Record<string, Case> = {
  'invites.create': {
    text: () => 'invite a@b.com',
    wouldSend: () => 'dry run: would POST /organization/invites {"email":"a@b.com","role":"reader"}',
  },
  'invites.cancel': {
    text: (s) => `invites cancel ${s.invite}`,
    wouldSend: (s) => `DELETE /organization/invites/${s.invite}`,
  },
  'users.remove': { text: () => 'users remove bob@x.com', wouldSend: (s) => `DELETE /organization/users/${s.bob}` },
  'users.role': {
    text: () => 'users role bob@x.com owner',
    wouldSend: (s) => `POST /organization/users/${s.bob} {"role":"owner"}`,
  },
  'projects.archive': {
    text: () => 'projects archive Apollo',
    wouldSend: (s) => `POST /organization/projects/${s.apollo}/archive`,
  },
  'projects.create': {
    text: () => 'projects create Zeus',
    wouldSend: () => 'POST /organization/projects {"name":"Zeus"}',
  },
  'projects.rename': {
    text: () => 'projects rename Apollo Artemis',
    wouldSend: (s) => `POST /organization/projects/${s.apollo} {"name":"Artemis"}`,
  },
  'members.add': {
    text: () => 'members add Apollo sam@x.com member',
    wouldSend: (s) => `POST /organization/projects/${s.apollo}/users {"user_id":"${s.sam}","role":"member"}`,
  },
  'members.role': {
    text: () => 'members role Apollo bob@x.com owner',
    wouldSend: (s) => `POST /organization/projects/${s.apollo}/users/${s.bob} {"role":"owner"}`,
  },
  'members.remove': {
    text: () => 'members remove Apollo bob@x.com',
    wouldSend: (s) => `DELETE /organization/projects/${s.apollo}/users/${s.bob}`,
  },
  'rate-limits.set': {
    text: () => 'rate-limits set Apollo gpt-4o --rpm 100',
    wouldSend: (s) => `POST /organization/projects/${s.apollo}/rate_limits/rl-gpt-4o {"max_requests_per_1_minute":100}`,
  },
  'models.allow': {
    text: () => 'models allow Apollo o3',
    wouldSend: (s) => `POST /organization/projects/${s.apollo}/model_permissions {"mode":"allow_list"`,
  },
  'models.deny': {
    text: () => 'models deny Apollo o3',
    wouldSend: (s) => `POST /organization/projects/${s.apollo}/model_permissions {"mode":"deny_list"`,
  },
  'models.clear': {
    text: () => 'models clear Apollo',
    wouldSend: (s) => `DELETE /organization/projects/${s.apollo}/model_permissions`,
  },
  'spend-alerts.create': {
    text: () => 'spend-alerts create 100 --email a@x.com',
    wouldSend: () => 'POST /organization/spend_alerts {"threshold_amount":10000',
  },
  'spend-alerts.update': {
    text: (s) => `spend-alerts update ${s.alert} 200 --email a@x.com`,
    wouldSend: (s) => `POST /organization/spend_alerts/${s.alert} {"threshold_amount":20000`,
  },
  'spend-alerts.delete': {
    text: (s) => `spend-alerts delete ${s.alert}`,
    wouldSend: (s) => `DELETE /organization/spend_alerts/${s.alert}`,
  },
  'spend-limit.set': {
    text: () => 'spend-limit set 500',
    wouldSend: () => 'POST /organization/spend_limit {"threshold_amount":50000',
  },
  'spend-limit.remove': { text: () => 'spend-limit remove', wouldSend: () => 'DELETE /organization/spend_limit' },
  'retention.set': {
    text: () => 'retention set zero_data_retention',
    wouldSend: () => 'POST /organization/data_retention {"retention_type":"zero_data_retention"}',
  },
  'service-accounts.create': {
    text: () => 'service-accounts create Apollo deployer',
    wouldSend: (s) => `POST /organization/projects/${s.apollo}/service_accounts {"name":"deployer"}`,
  },
  'service-accounts.delete': {
    text: () => 'service-accounts delete Apollo ci-bot',
    wouldSend: (s) => `DELETE /organization/projects/${s.apollo}/service_accounts/`,
  },
  'api-keys.delete': {
    text: (s) => `api-keys delete Apollo ${s.staleKey}`,
    wouldSend: (s) => `DELETE /organization/projects/${s.apollo}/api_keys/${s.staleKey}`,
  },
  'admin-keys.create': {
    text: () => 'admin-keys create ci-key',
    wouldSend: () => 'POST /organization/admin_api_keys {"name":"ci-key"',
  },
  'admin-keys.delete': {
    text: (s) => `admin-keys delete ${s.adminKey}`,
    wouldSend: (s) => `DELETE /organization/admin_api_keys/${s.adminKey}`,
  },
  'grants.revoke': {
    text: (s) => `grants revoke ${s.grant}`,
    wouldSend: (s) => `POST /organization/projects/${s.apollo}/users/${s.carol} {"role":"member"}`,
  },
  'access.request': {
    text: () => 'access request Apollo member --for 1h',
    wouldSend: (s) => `POST /organization/projects/${s.apollo}/users {"user_id":"${s.sam}","role":"member"}`,
    as: USERS.stranger,
  },
  'keys.revoke-stale': {
    text: () => 'keys revoke-stale --project Apollo --unused 30d',
    wouldSend: (s) => `would DELETE /organization/projects/${s.apollo}/api_keys/${s.staleKey}`,
  },
  'groups.create': {
    text: () => 'groups create Design',
    wouldSend: () => 'POST /organization/groups {"name":"Design"}',
  },
  'groups.rename': {
    text: () => 'groups rename Engineering Platform',
    wouldSend: (s) => `POST /organization/groups/${s.eng} {"name":"Platform"}`,
  },
  'groups.add': {
    text: () => 'groups add Engineering sam@x.com',
    wouldSend: (s) => `POST /organization/groups/${s.eng}/users {"user_id":"${s.sam}"}`,
  },
  'groups.remove': {
    text: () => 'groups remove Engineering bob@x.com',
    wouldSend: (s) => `DELETE /organization/groups/${s.eng}/users/${s.bob}`,
  },
  'groups.delete': {
    text: () => 'groups delete Engineering',
    wouldSend: (s) => `DELETE /organization/groups/${s.eng}`,
  },
  'projects.add-group': {
    text: () => 'projects add-group Apollo Engineering --role Member',
    wouldSend: (s) => `POST /organization/projects/${s.apollo}/groups {"group_id":"${s.eng}","role":"`,
  },
  'projects.remove-group': {
    text: () => 'projects remove-group Apollo Ops',
    wouldSend: (s) => `DELETE /organization/projects/${s.apollo}/groups/${s.ops}`,
  },
  'tools.set': {
    text: () => 'tools set Apollo web_search off',
    wouldSend: (s) =>
      `POST /organization/projects/${s.apollo}/hosted_tool_permissions {"web_search":{"enabled":false}}`,
  },
  'certificates.upload': {
    text: () => `certificates upload gateway "${PAYMENTS_CERT}"`,
    wouldSend: () => 'POST /organization/certificates {',
  },
  'certificates.rename': {
    text: () => 'certificates rename payments-client pay',
    wouldSend: (s) => `POST /organization/certificates/${s.payments} {"name":"pay"}`,
  },
  'certificates.activate': {
    text: () => 'certificates activate payments-client',
    wouldSend: (s) => `POST /organization/certificates/activate {"certificate_ids":["${s.payments}"]}`,
  },
  'certificates.deactivate': {
    text: () => 'certificates deactivate batch-client',
    wouldSend: (s) => `POST /organization/certificates/deactivate {"certificate_ids":["${s.batch}"]}`,
  },
  'certificates.delete': {
    text: () => 'certificates delete payments-client',
    wouldSend: (s) => `DELETE /organization/certificates/${s.payments}`,
  },
  'service-accounts.rename': {
    text: () => 'service-accounts rename Apollo ci-bot deployer',
    wouldSend: (s) => `POST /organization/projects/${s.apollo}/service_accounts/${s.ciBot} {"name":"deployer"}`,
  },
  'service-accounts.add-key': {
    text: () => 'service-accounts add-key Apollo ci-bot',
    wouldSend: (s) => `POST /organization/projects/${s.apollo}/service_accounts/${s.ciBot}/api_keys`,
  },
  'roles.create': {
    text: () => 'roles create Watcher --permission api.audit_logs.read',
    wouldSend: () => 'POST /organization/roles {"role_name":"Watcher","permissions":["api.audit_logs.read"]',
  },
  'roles.update': {
    text: () => 'roles update Auditor --permission api.usage.read',
    wouldSend: (s) => `POST /organization/roles/${s.auditor} {"permissions":["api.usage.read"]`,
  },
  'roles.rename': {
    text: () => 'roles rename Auditor Inspector',
    wouldSend: (s) => `POST /organization/roles/${s.auditor} {"role_name":"Inspector"}`,
  },
  'roles.delete': { text: () => 'roles delete Auditor', wouldSend: (s) => `DELETE /organization/roles/${s.auditor}` },
  'roles.assign': {
    text: () => 'roles assign Auditor --user sam@x.com',
    wouldSend: (s) => `POST /organization/users/${s.sam}/roles {"role_id":"${s.auditor}"}`,
  },
  'roles.unassign': {
    text: () => 'roles unassign Auditor --user bob@x.com',
    wouldSend: (s) => `DELETE /organization/users/${s.bob}/roles/${s.auditor}`,
  },
  'digest.subscribe': { text: () => 'digest subscribe daily 09:00 UTC' },
  'digest.unsubscribe': {
    text: (_, earlier) => `digest unsubscribe ${/dig_[0-9a-f]+/.exec(earlier.get('digest.subscribe') ?? '')?.[0]}`,
  },
  'watch.subscribe': { text: () => 'watch subscribe' },
  'watch.unsubscribe': {
    text: (_, earlier) => `watch unsubscribe ${/watch_[0-9a-z]+/.exec(earlier.get('watch.subscribe') ?? '')?.[0]}`,
  },
};

const writeOperations = operations.filter((op) => op.risk !== 'read');

describe('DRY_RUN=1', () => {
  let h: Harness;
  let seeded: Seeded;
  const earlier = new Map<string, string>();
  const writesReceived = () => h.openai.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

  beforeAll(async () => {
    h = await startHarness({ env: { DRY_RUN: '1' }, start: { grantTimer: false } });
    const s = h.openai.state;
    const apollo = s.addProject({ name: 'Apollo' });
    const bob = s.addUser({ email: 'bob@x.com' });
    const sam = s.addUser({ email: 'sam@x.com' });
    const carol = s.addUser({ email: 'carol@x.com' });
    s.addProjectUser(apollo.id, { userId: bob.id, role: 'member' });
    // Carol holds owner for an hour: revoking the grant sets her back to member.
    s.addProjectUser(apollo.id, { userId: carol.id, role: 'owner' });
    const ciBot = s.addServiceAccount(apollo.id, { name: 'ci-bot' }).serviceAccount;
    const payments = s.certificates.add({ content: PAYMENTS_CERT, name: 'payments-client' });
    const batch = s.certificates.add({ content: BATCH_CERT, name: 'batch-client' });
    s.certificates.toggle([batch.id], null, true);
    s.setModelPermissions(apollo.id, { mode: 'allow_list', model_ids: ['gpt-4o'] });
    s.setSpendLimit({ thresholdAmount: 100_000 });
    h.slack.users.set(USERS.stranger, { id: USERS.stranger, email: 'sam@x.com' });
    const auditor = s.rbac.addRole({ name: 'Auditor', permissions: ['api.audit_logs.read'] });
    s.rbac.assign('user', bob.id, null, auditor.id);
    const eng = s.addGroup({ name: 'Engineering' });
    s.addGroupUser(eng.id, bob.id);
    const ops = s.addGroup({ name: 'Ops' });
    s.addProjectGroup(apollo.id, { groupId: ops.id, role: 'role_member' });
    const grant = await h.bot.container.grants.open({
      kind: 'project_member',
      projectId: apollo.id,
      projectName: 'Apollo',
      userId: carol.id,
      email: 'carol@x.com',
      role: 'owner',
      previousRole: 'member',
      durationMs: 3_600_000,
      grantedBy: USERS.admin,
    });
    seeded = {
      apollo: apollo.id,
      auditor: auditor.id,
      ciBot: ciBot.id,
      payments: payments.id,
      batch: batch.id,
      eng: eng.id,
      ops: ops.id,
      bob: bob.id,
      carol: carol.id,
      sam: sam.id,
      invite: s.addInvite({ email: 'dora@x.com' }).id,
      alert: s.addSpendAlert({ thresholdAmount: 5_000, recipients: ['a@x.com'] }).id,
      adminKey: s.addAdminKey({ name: 'old admin key' }).id,
      staleKey: s.addProjectApiKey(apollo.id, { userId: bob.id, name: 'old', lastUsedAt: s.now - 90 * DAY }).id,
      grant: grant.id,
    };
  });
  afterAll(() => h.close());

  it('has a command for every write operation of the registry', () => {
    expect(writeOperations.map((op) => op.name).filter((name) => !CASES[name])).toEqual([]);
  });

  it.each(writeOperations.map((op) => [op.name, op.risk] as const))(
    '%s (%s) sends no write to the Admin API and says what it would have sent',
    async (name, risk) => {
      const testCase = CASES[name];
      if (!testCase) throw new Error(`no command for ${name}`);
      const text = testCase.text(seeded, earlier);
      let answer: string;
      if (risk === 'destructive') {
        const { card, id } = await requestApproval(h, text, testCase.as ?? USERS.admin);
        await approve(h, card, USERS.approver);
        const done = await waitForSettled(h, id);
        expect(done.state).toBe('succeeded');
        const result = done.result as { title: string; notes: string[] };
        answer = [result.title, ...result.notes].join('\n');
      } else {
        answer = messageText(await h.ask(text, testCase.as ?? USERS.admin));
      }
      earlier.set(name, answer);
      const expected = testCase.wouldSend?.(seeded);
      if (expected) {
        expect(answer).toContain('dry run: would');
        expect(answer).toContain(expected);
      } else {
        expect(answer).not.toContain('dry run');
      }
      expect(answer).not.toContain('sk-admin-');
      expect(writesReceived()).toEqual([]);
    },
  );

  it('records each held-back write in the audit trail as the request it would have sent', async () => {
    const trail = await h.bot.container.store.listAudit({ order: 'asc', limit: 500 });
    const invite = trail.find((event) => event.operation === 'invites.create');
    expect(invite?.detail).toMatchObject({
      dry_run: [{ method: 'POST', path: '/organization/invites', body: { email: 'a@b.com', role: 'reader' } }],
    });
    const archived = trail.find((event) => event.operation === 'projects.archive' && event.event === 'executed');
    expect(archived?.detail).toMatchObject({
      dry_run: [{ method: 'POST', path: `/organization/projects/${seeded.apollo}/archive` }],
    });
    expect(h.openai.state.projects.get(seeded.apollo)?.archivedAt).toBeNull();
  });
});

async function waitForSettled(h: Harness, id: string) {
  for (let i = 0; i < 500; i++) {
    const row = await h.bot.container.store.get(id);
    if (row && !['pending', 'approved', 'executing'].includes(row.state)) return row;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`request ${id} did not settle`);
}
