import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackCall } from '../helpers/fake-slack.js';
import { BOT_TOKEN, type Harness, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';
import { askIn, TestClock } from './digest-helpers.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('files the bot shares', () => {
  const clock = new TestClock('2026-03-15T07:00:00Z');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ start: { now: clock.now, digestTimer: false } });
    clock.follow(h);
  });
  afterAll(() => h.close());

  /** The bytes request for the file a files.completeUploadExternal call shared. */
  const bytesRequestOf = (completed: SlackCall): SlackCall => {
    const [file] = completed.body.files as { id: string }[];
    const upload = h.slack.calls.find((call) => call.method === `upload:${file?.id}`);
    if (!upload) throw new Error(`no bytes were sent for ${file?.id}`);
    return upload;
  };

  it('uploads the digest chart and the audit export the same way, through the Web API client', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    h.openai.state.addCost({ projectId: alpha.id, day: '2026-03-14', amount: 12 });
    await askIn(h, 'CCHART', 'digest subscribe daily 09:00 UTC');
    const start = h.slack.mark();
    clock.set('2026-03-15T09:00:00Z');
    await h.bot.container.digests.tick();
    const chart = await h.slack.waitFor(
      start,
      (c) => c.method === 'files.completeUploadExternal' && c.body.channel_id === 'CCHART',
    );
    const digest = [...h.slack.messages.values()].find((message) => message.channel === 'CCHART');
    expect(chart.body.thread_ts).toBe(digest?.ts);
    expect(chart.body.initial_comment).toBe('Daily spend this month, stacked by top project.');
    const [chartFile] = chart.body.files as { id: string; title: string }[];
    expect(chartFile?.title).toBe('Daily spend, March 2026');
    expect(h.slack.uploads.get(chartFile?.id ?? '')?.subarray(0, 8)).toEqual(PNG_SIGNATURE);

    h.openai.state.addAuditLog({ type: 'login.succeeded' });
    await h.ask('audit --export', USERS.viewer);
    const exported = await h.slack.waitFor(
      start,
      (c) => c.method === 'files.completeUploadExternal' && c.body.channel_id === `D${USERS.viewer.slice(1)}`,
    );

    const chartBytes = bytesRequestOf(chart);
    const exportBytes = bytesRequestOf(exported);
    for (const request of [chartBytes, exportBytes]) {
      expect(request.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
      expect(request.headers['user-agent']).toContain('@slack:web-api');
    }
    expect(String(chartBytes.headers['content-type']).split(';')[0]).toBe(
      String(exportBytes.headers['content-type']).split(';')[0],
    );
  });
});
