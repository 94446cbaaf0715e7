import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackCall } from '../helpers/fake-slack.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { clickButton } from '../helpers/interactions.js';
import { USERS } from '../helpers/policy.js';

const NOW = Date.parse('2026-11-20T15:00:00Z');
const at = (iso: string) => Date.parse(iso) / 1000;

/** The value of the "More" button in a reply, or undefined when there is none. */
const moreValue = (call: SlackCall): string | undefined => {
  const blocks = (call.body.blocks ?? []) as { type: string; elements?: { action_id?: string; value?: string }[] }[];
  return blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'reply.more')?.value;
};

describe('/openai audit through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ start: { now: () => new Date(NOW) } });
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const auditCalls = () => h.openai.requests.filter((r) => r.path === '/organization/audit_logs');
  const lastQuery = () => auditCalls().at(-1)?.query as URLSearchParams;

  const clickMore = async (reply: SlackCall, userId: string = USERS.viewer) => {
    const value = moreValue(reply);
    if (!value) throw new Error('the reply has no More button');
    const click = await clickButton(h, { actionId: 'reply.more', value, userId, channelId: 'COPS' });
    expect(click.status).toBe(200);
    return h.slack.waitForResponse(click.responseId);
  };

  it('pages through more than two pages with More, newest first, each event once', async () => {
    for (let i = 0; i < 45; i++) {
      h.openai.state.addAuditLog({
        type: 'project.updated',
        payload: { id: `proj_${i}`, changes_requested: { title: `Title ${i}` } },
        effectiveAt: at('2026-11-01T00:00:00Z') + i * 60,
      });
    }
    const first = await h.ask('audit', USERS.viewer);
    const page1 = messageText(first);
    expect(page1).toContain('Audit log: 20 events, newest first; more are available');
    expect(page1).toContain('proj_44 (Title 44)');
    expect(page1).not.toContain('proj_24 ');
    const second = await clickMore(first);
    const page2 = messageText(second);
    expect(page2).toContain('Audit log, page 2: 20 events');
    expect(page2).toContain('proj_24 (Title 24)');
    expect(page2).not.toContain('proj_44 ');
    expect(lastQuery().get('after')).toMatch(/^audit_log-/);
    const third = await clickMore(second);
    const page3 = messageText(third);
    expect(page3).toContain('Audit log, page 3: 5 events');
    expect(moreValue(third)).toBeUndefined();
    const seen = [page1, page2, page3].join('\n').match(/proj_\d+ /g) ?? [];
    expect(new Set(seen).size).toBe(45);
    expect(seen).toHaveLength(45);
  });

  it('keeps the filters and time range on every page', async () => {
    for (let i = 0; i < 5; i++) {
      h.openai.state.addAuditLog({
        type: 'api_key.created',
        payload: { id: `key_${i}` },
        effectiveAt: NOW / 1000 - 60,
      });
      h.openai.state.addAuditLog({ type: 'invite.sent', payload: { id: `inv_${i}` }, effectiveAt: NOW / 1000 - 60 });
    }
    const first = await h.ask('audit --type api_key.* --since 24h --limit 2', USERS.viewer);
    await clickMore(first);
    const query = lastQuery();
    expect(query.getAll('event_types[]')).toEqual(['api_key.created', 'api_key.updated', 'api_key.deleted']);
    expect(query.get('effective_at[gte]')).toBe(String(NOW / 1000 - 86_400));
    expect(query.get('limit')).toBe('2');
  });

  it('sends every filter to the API in bracket form', async () => {
    const research = h.openai.state.addProject({ name: 'Research' });
    await h.ask(
      'audit --type project.archived --type invite.sent --actor <mailto:A@X.com|A@X.com> --actor user-abc ' +
        `--project Research --resource ${research.id} --from 2026-11-01 --to 2026-11-20 --limit 5`,
      USERS.viewer,
    );
    const call = auditCalls().at(-1);
    expect(call?.rawQuery).toContain('event_types%5B%5D=project.archived');
    const query = lastQuery();
    expect(query.getAll('event_types[]')).toEqual(['project.archived', 'invite.sent']);
    expect(query.getAll('actor_emails[]')).toEqual(['a@x.com']);
    expect(query.getAll('actor_ids[]')).toEqual(['user-abc']);
    expect(query.getAll('project_ids[]')).toEqual([research.id]);
    expect(query.getAll('resource_ids[]')).toEqual([research.id]);
    expect(query.get('effective_at[gte]')).toBe(String(at('2026-11-01T00:00:00Z')));
    expect(query.get('effective_at[lt]')).toBe(String(at('2026-11-21T00:00:00Z')));
    expect(query.get('limit')).toBe('5');
    expect(query.has('tenant_only')).toBe(false);
  });

  it('renders one readable line per event and only the events that match', async () => {
    const research = h.openai.state.addProject({ name: 'Research' });
    h.openai.state.addAuditLog({
      type: 'project.archived',
      payload: { id: research.id },
      projectId: research.id,
      effectiveAt: at('2026-11-20T14:03:00Z'),
      actor: { id: 'user-alice', email: 'alice@x.com' },
    });
    h.openai.state.addAuditLog({ type: 'invite.sent', payload: { id: 'inv_1', data: { email: 'new@x.com' } } });
    h.openai.state.addAuditLog({ type: 'tunnel.created', payload: { tunnel_name: 'edge', port: 443 } });
    const reply = messageText(await h.ask('audit --type project.* --type tunnel', USERS.viewer));
    expect(reply).toContain(`2026-11-20 14:03  project.archived*  ·  alice@x.com → ${research.id} (Research)`);
    expect(reply).toContain('tunnel.created*  ·  owner@example.com (key key_bot) → tunnel_name=edge, port=443');
    expect(reply).not.toContain('invite.sent');
  });

  it('leaves tenant-scoped types of a family out, with a note, and refuses to mix them explicitly', async () => {
    const reply = messageText(await h.ask('audit --type role.*', USERS.viewer));
    expect(reply).toContain('Left out tenant-scoped types role.bound_to_resource, role.unbound_from_resource');
    expect(lastQuery().getAll('event_types[]')).toContain('role.created');
    expect(lastQuery().getAll('event_types[]')).not.toContain('role.bound_to_resource');
    h.openai.requests.length = 0;
    const mixed = messageText(await h.ask('audit --type tenant.* --type project.archived', USERS.viewer));
    expect(mixed).toContain('tenant.* is tenant-scoped');
    expect(auditCalls()).toHaveLength(0);
  });

  it('asks tenant-only types with tenant_only=true and sends an unknown exact type as is', async () => {
    await h.ask('audit --type tenant.user.*', USERS.viewer);
    expect(lastQuery().get('tenant_only')).toBe('true');
    const reply = messageText(await h.ask('audit --type project.frozen', USERS.viewer));
    expect(lastQuery().getAll('event_types[]')).toEqual(['project.frozen']);
    expect(reply).toContain('project.frozen is not a known event type');
  });

  it.each([
    [
      'audit --since 7x',
      '--since "7x" is not a duration; write a number and a unit (m, h, d or w), e.g. 30m, 24h or 7d.',
    ],
    ['audit --since 0h', '--since 0h is an empty span'],
    ['audit --from 2026-02-30', '--from "2026-02-30" is not a date; write a UTC day as YYYY-MM-DD'],
    ['audit --to 20/11/2026', '--to "20/11/2026" is not a date'],
    ['audit --from 2026-11-20 --to 2026-11-01', '--from 2026-11-20 is after --to 2026-11-01.'],
    ['audit --since 7d --from 2026-11-01', 'Use either --since or --from/--to, not both.'],
    ['audit --type nothing.*', '"nothing.*" matches no known event type. Families: api_key, certificate'],
    ['audit --type Project-Archived!', 'is not an event type; write e.g. project.archived'],
    ['audit --limit 500', '--limit 500 is not a whole number from 1 to 100.'],
    ['audit --limit', '--limit needs a value'],
    ['audit --actor a&b', '--actor "a&b" is neither an email address nor an actor id'],
    ['audit --resource a/b', '--resource "a/b" is not an id'],
  ])('answers "%s" with a specific message and asks OpenAI nothing', async (text, message) => {
    const reply = messageText(await h.ask(text, USERS.viewer));
    expect(reply).toContain(message);
    expect(reply).toContain('Usage: `/openai audit');
    expect(auditCalls()).toHaveLength(0);
  });

  it('names a project that does not exist instead of listing nothing', async () => {
    const reply = messageText(await h.ask('audit --project Nowhere', USERS.viewer));
    expect(reply).toContain('No project is named "Nowhere"');
    expect(auditCalls()).toHaveLength(0);
  });

  it('checks the clicker of More against the policy again', async () => {
    for (let i = 0; i < 3; i++) h.openai.state.addAuditLog({ type: 'login.succeeded' });
    const first = await h.ask('audit --limit 1', USERS.viewer);
    const calls = auditCalls().length;
    const refused = await clickMore(first, USERS.stranger);
    expect(messageText(refused)).toContain('You are not allowed to view this');
    expect(auditCalls()).toHaveLength(calls);
  });

  it('exports every matching event across API pages as a JSON-lines file sent privately to the requester', async () => {
    for (let i = 0; i < 150; i++) h.openai.state.addAuditLog({ type: 'login.succeeded', effectiveAt: 1_000 + i });
    h.openai.state.addAuditLog({ type: 'invite.sent', payload: { id: 'inv_x' } });
    const mark = h.slack.mark();
    const reply = messageText(await h.ask('audit --type login.succeeded --export', USERS.viewer));
    expect(reply).toContain(
      'Exported 150 audit events to openai-audit-log-20261120-1500.jsonl, sent to you in a direct message',
    );
    expect(auditCalls().map((c) => c.query.get('limit'))).toEqual(['100', '100']);
    const completed = await h.slack.waitFor(mark, (c) => c.method === 'files.completeUploadExternal');
    expect(completed.body.channel_id).toBe(`D${USERS.viewer.slice(1)}`);
    const [file] = completed.body.files as { id: string; title: string }[];
    const lines =
      h.slack.uploads
        .get(file?.id ?? '')
        ?.toString('utf8')
        .trim()
        .split('\n') ?? [];
    expect(lines).toHaveLength(150);
    expect(lines.map((line) => JSON.parse(line).type)).toEqual(new Array(150).fill('login.succeeded'));
    expect(JSON.parse(lines[0] ?? '{}').effective_at).toBe(1_149);
  });

  it('says plainly when Slack will not take the export', async () => {
    h.openai.state.addAuditLog({ type: 'login.succeeded' });
    h.slack.failNext('files.completeUploadExternal', 'not_in_channel');
    const reply = messageText(await h.ask('audit --export', USERS.viewer));
    expect(reply).toContain('Slack refused to send you the file (not_in_channel).');
  });
});
