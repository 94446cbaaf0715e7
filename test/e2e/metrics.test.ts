import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestApproval } from '../helpers/approvals.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { sample, scrape } from '../helpers/metrics-scrape.js';
import { askIn, TestClock } from './digest-helpers.js';

describe('GET /metrics in HTTP mode', () => {
  const clock = new TestClock('2026-03-15T07:00:00Z');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ start: { now: clock.now, digestTimer: false } });
    clock.follow(h);
  });
  afterAll(() => h.close());

  it('counts a command by operation and outcome, its ack and its Admin API call', async () => {
    h.openai.state.addUser({ email: 'sam@x.com' });
    const before = await scrape(h.botUrl);
    await h.ask('users list');
    await h.ask('users lst');
    const after = await scrape(h.botUrl);

    const commands = (text: string, operation: string, outcome: string) =>
      sample(text, 'openai_bot_commands_total', { operation, outcome });
    expect(commands(after, 'users.list', 'ok')).toBe(commands(before, 'users.list', 'ok') + 1);
    expect(commands(after, 'unknown', 'usage_error')).toBe(commands(before, 'unknown', 'usage_error') + 1);

    const acks = (text: string) => sample(text, 'openai_bot_ack_seconds_count', { kind: 'command' });
    expect(acks(after)).toBe(acks(before) + 2);
    expect(sample(after, 'openai_bot_ack_seconds_bucket', { kind: 'command', le: '+Inf' })).toBe(acks(after));

    const calls = { method: 'GET', endpoint: '/organization/users', status: '200' };
    expect(sample(after, 'openai_bot_admin_api_calls_total', calls)).toBeGreaterThan(
      sample(before, 'openai_bot_admin_api_calls_total', calls),
    );
    expect(sample(after, 'openai_bot_admin_api_call_seconds_count', calls)).toBe(
      sample(after, 'openai_bot_admin_api_calls_total', calls),
    );
  });

  it('labels Admin API calls by path template, never by the ids in the path', async () => {
    const project = h.openai.state.addProject({ name: 'Metered' });
    await h.ask(`members list ${project.id}`);
    const text = await scrape(h.botUrl);
    expect(
      sample(text, 'openai_bot_admin_api_calls_total', {
        method: 'GET',
        endpoint: '/organization/projects/{id}/users',
        status: '200',
      }),
    ).toBeGreaterThan(0);
    expect(text).not.toContain(project.id);
  });

  it('counts Admin API failures by status and commands that failed there', async () => {
    const before = await scrape(h.botUrl);
    const reply = await h.ask('projects show proj_missing');
    expect(JSON.stringify(reply.body)).toContain('proj_missing');
    const after = await scrape(h.botUrl);
    const notFound = { method: 'GET', endpoint: '/organization/projects/{id}', status: '404' };
    expect(sample(after, 'openai_bot_admin_api_calls_total', notFound)).toBe(
      sample(before, 'openai_bot_admin_api_calls_total', notFound) + 1,
    );
    const failed = { operation: 'projects.show', outcome: 'admin_api_error' };
    expect(sample(after, 'openai_bot_commands_total', failed)).toBe(
      sample(before, 'openai_bot_commands_total', failed) + 1,
    );
  });

  it('reads approvals by state from the store at scrape time', async () => {
    const pending = (text: string) => sample(text, 'openai_bot_approvals', { state: 'pending' });
    const before = await scrape(h.botUrl);
    expect(before).toMatch(/^openai_bot_approvals\{state="cancelled"\} 0$/m);
    const project = h.openai.state.addProject({ name: 'Doomed' });
    await requestApproval(h, `projects archive ${project.id}`);
    const after = await scrape(h.botUrl);
    expect(pending(after)).toBe(pending(before) + 1);
    expect(
      sample(after, 'openai_bot_commands_total', { operation: 'projects.archive', outcome: 'approval_requested' }),
    ).toBe(1);
  });

  it('counts digests posted by the scheduler', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    h.openai.state.addCost({ projectId: alpha.id, day: '2026-03-14', amount: 12 });
    await askIn(h, 'CDIGEST', 'digest subscribe daily 09:00 Europe/Berlin');
    const before = await scrape(h.botUrl);
    clock.set('2026-03-15T08:01:00Z');
    await h.bot.container.digests.tick();
    const after = await scrape(h.botUrl);
    const ok = { kind: 'digest', outcome: 'ok' };
    expect(sample(after, 'openai_bot_digest_runs_total', ok)).toBe(
      sample(before, 'openai_bot_digest_runs_total', ok) + 1,
    );
  });

  it('exports the work queue depth and the process metrics', async () => {
    const text = await scrape(h.botUrl);
    expect(text).toMatch(/^openai_bot_work_queue_depth \d+$/m);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('still serves the other metrics when the database is gone, leaving out approvals', async () => {
    await h.bot.container.store.close();
    expect((await fetch(`${h.botUrl}/healthz`)).status).toBe(503);
    const text = await scrape(h.botUrl);
    expect(text).not.toMatch(/^openai_bot_approvals\{/m);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});
